using FastBooking.Domain.Appointments;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using FastBooking.Application.Common;
using NodaTime;

namespace FastBooking.Application.Appointments;

public enum AppointmentStatus { Confirmed, Cancelled }

public sealed record Customer(string Name, string? Phone, string? Email);

/// <summary>
/// An appointment as stored: <see cref="Occupied"/> is the visit with its buffers; <see cref="Busy"/> (inside it: the
/// buffers and busy phases) is what the exclusion constraint guards. A service that needs a resource gets a unit
/// (<see cref="ResourceUnitId"/>) for <see cref="ResourceRange"/>, which a second exclusion constraint guards. An
/// appointment booked as one service of a visit names it (<see cref="VisitId"/>).
/// </summary>
public sealed record AppointmentRecord(
    Guid Id, BusinessId Business, Guid StaffId, Guid ServiceId, AppointmentStatus Status, Interval Booked, Interval Occupied,
    IReadOnlyList<Interval> Busy, Customer Customer, string? Notes, string? CancelReason, int Version, Instant CreatedAt, Instant UpdatedAt,
    Guid? ResourceUnitId = null, Interval? ResourceRange = null, Guid? VisitId = null)
{
    /// <summary>The ranges it takes on calendars: the staff member's busy ranges, and the unit's (decision record 0008).</summary>
    public IEnumerable<StaffRange> Ranges => Busy.Select(b => new StaffRange(StaffId, b))
        .Concat(ResourceUnitId is { } unit && ResourceRange is { } used ? [new StaffRange(unit, used)] : []);

    /// <summary>The same appointment with a unit for the range a service uses it (none when the service needs none).</summary>
    public AppointmentRecord WithUnit(StaffId? unit, Interval? used) =>
        this with { ResourceUnitId = unit?.Value, ResourceRange = unit is null ? null : used };

    /// <summary>The processing time inside the appointment: booked, and the staff member free for another client.</summary>
    public IReadOnlyList<Interval> Processing => IntervalSet.Subtract([Booked], Busy);

    public Appointment ToDomain() => new(new AppointmentId(Id), new StaffId(StaffId), Booked, Busy);
}

/// <summary>An appointment with the zone its times are shown in.</summary>
public sealed record AppointmentAnswer(AppointmentRecord Appointment, DateTimeZone Zone);
