using FastBooking.Domain.Appointments;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Staff;
using FastBooking.Application.Common;
using NodaTime;

namespace FastBooking.Application.Appointments;

public enum AppointmentStatus { Confirmed, Cancelled }

public sealed record Customer(string Name, string? Phone, string? Email);

/// <summary>An appointment as stored: <see cref="Occupied"/> (buffers included) is what the exclusion constraint guards.</summary>
public sealed record AppointmentRecord(
    Guid Id, BusinessId Business, Guid StaffId, Guid ServiceId, AppointmentStatus Status, Interval Booked, Interval Occupied,
    Customer Customer, string? Notes, string? CancelReason, int Version, Instant CreatedAt, Instant UpdatedAt)
{
    public StaffRange Range => new(StaffId, Occupied);

    public Appointment ToDomain() => new(new AppointmentId(Id), new StaffId(StaffId), Booked, Occupied);
}

/// <summary>An appointment with the zone its times are shown in.</summary>
public sealed record AppointmentAnswer(AppointmentRecord Appointment, DateTimeZone Zone);
