using NodaTime;
using FastBooking.Domain.Appointments;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;

namespace FastBooking.Domain.Availability;

/// <summary>
/// The projected state of one staff-day: open time minus what active appointments keep the staff member busy with.
/// Holds are not projected: they live and expire on their own and are blocked at read time.
/// </summary>
public static class StaffDayProjection
{
    public static StaffDayBitmap Project(StaffSchedule schedule, LocalDay day, IEnumerable<Appointment> appointments)
    {
        var bitmap = StaffDayBitmap.AllBusy(day);
        foreach (var open in OpenTime.Of(schedule, day).Open)
            bitmap.MarkFree(open);
        foreach (var appointment in appointments)
            if (appointment.StaffId == schedule.StaffId)
                foreach (var busy in appointment.Busy) bitmap.MarkBusy(busy);
        return bitmap;
    }

    /// <summary>The projections of one staff member's days from stored state, in date order.</summary>
    public static IReadOnlyList<StaffDayBitmap> Project(SchedulingState state, StaffId staff, IEnumerable<LocalDate> dates)
    {
        var schedule = state.Schedules[staff];
        var appointments = state.AppointmentsOf(staff).ToList();
        return dates.Order().Select(d => Project(schedule, LocalDay.Of(d, state.Business.Zone), appointments)).ToList();
    }
}
