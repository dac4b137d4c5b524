using FastBooking.Domain.Appointments;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Holds;
using FastBooking.Domain.Staff;

namespace FastBooking.Domain.Availability;

/// <summary>
/// The stored state one scheduling decision needs: the business, the schedules of the staff involved,
/// their active appointments and holds around the dates in question.
/// </summary>
public sealed record SchedulingState(
    Business Business,
    IReadOnlyDictionary<StaffId, StaffSchedule> Schedules,
    IReadOnlyList<Appointment> Appointments,
    IReadOnlyList<LiveHold> Holds)
{
    public IEnumerable<Appointment> AppointmentsOf(StaffId staff) => Appointments.Where(a => a.StaffId == staff);

    public IEnumerable<LiveHold> HoldsOf(StaffId staff) => Holds.Where(h => h.StaffId == staff);
}
