using FastBooking.Domain.Staff;
using NodaTime;

namespace FastBooking.Domain.Services;

/// <summary>
/// A bookable service. Buffers are busy time around the appointment (setup, cleanup);
/// <see cref="StaffDurations"/> lists who performs it, with an optional staff-specific duration.
/// </summary>
public sealed record Service(
    ServiceId Id,
    string Name,
    int DurationMinutes,
    int BufferBeforeMinutes,
    int BufferAfterMinutes,
    IReadOnlyDictionary<StaffId, int?> StaffDurations)
{
    public bool IsPerformedBy(StaffId staff) => StaffDurations.ContainsKey(staff);

    public IEnumerable<StaffId> Staff => StaffDurations.Keys.Order();

    public Duration DurationFor(StaffId staff) =>
        Duration.FromMinutes(StaffDurations.TryGetValue(staff, out var d) && d is { } own ? own : DurationMinutes);

    public Duration BufferBefore => Duration.FromMinutes(BufferBeforeMinutes);
    public Duration BufferAfter => Duration.FromMinutes(BufferAfterMinutes);

    /// <summary>The appointment itself, [start, start + duration).</summary>
    public Interval AppointmentAt(Instant start, StaffId staff) => new(start, start + DurationFor(staff));

    /// <summary>The occupied range: [start − buffer before, start + duration + buffer after).</summary>
    public Interval OccupiedAt(Instant start, StaffId staff) => new(start - BufferBefore, start - BufferBefore + OccupiedLengthFor(staff));

    public Duration OccupiedLengthFor(StaffId staff) => BufferBefore + DurationFor(staff) + BufferAfter;
}
