using FastBooking.Domain.Resources;
using FastBooking.Domain.Staff;
using NodaTime;

namespace FastBooking.Domain.Services;

/// <summary>
/// A bookable service. Buffers are busy time around the appointment (setup, cleanup);
/// <see cref="StaffDurations"/> lists who performs it, with an optional staff-specific duration. <see cref="Phases"/>,
/// when given, split the duration into steps, some of which leave the staff member free (processing time).
/// <see cref="Resource"/>, when given, is a unit of a shared resource the service needs as well.
/// </summary>
public sealed record Service(
    ServiceId Id,
    string Name,
    int DurationMinutes,
    int BufferBeforeMinutes,
    int BufferAfterMinutes,
    IReadOnlyDictionary<StaffId, int?> StaffDurations,
    IReadOnlyList<ServicePhase> Phases,
    ResourceNeed? Resource = null)
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
    public Interval OccupiedAt(Instant start, StaffId staff) => new(start - BufferBefore, start + DurationFor(staff) + BufferAfter);

    /// <summary>
    /// The staff member's busy time, in minutes from the start: the buffers and the busy phases, merged where they
    /// touch, in order. Without phases it is the occupied range.
    /// </summary>
    public IReadOnlyList<(int From, int To)> BusyMinutes(StaffId staff)
    {
        var duration = (int)DurationFor(staff).TotalMinutes;
        if (Phases.Count == 0) return [(-BufferBeforeMinutes, duration + BufferAfterMinutes)];
        var busy = new List<(int From, int To)>();
        Add(busy, -BufferBeforeMinutes, 0);
        var at = 0;
        foreach (var phase in Phases)
        {
            if (phase.StaffBusy) Add(busy, at, at + phase.Minutes);
            at += phase.Minutes;
        }
        Add(busy, at, at + BufferAfterMinutes);
        return busy;
    }

    /// <summary>What the staff member is busy with for a start (<see cref="BusyMinutes"/> as instants), in order.</summary>
    public IReadOnlyList<Interval> BusyAt(Instant start, StaffId staff) =>
        BusyMinutes(staff).Select(b => new Interval(start + Duration.FromMinutes(b.From), start + Duration.FromMinutes(b.To))).ToArray();

    /// <summary>When the service uses its resource unit, in minutes from the start (the whole service, buffers
    /// excluded, or its phase); null when it needs none.</summary>
    public (int From, int To)? ResourceMinutes(StaffId staff)
    {
        if (Resource is not { } need) return null;
        if (need.Phase is not { } phase) return (0, (int)DurationFor(staff).TotalMinutes);
        var at = Phases.Take(phase).Sum(p => p.Minutes);
        return (at, at + Phases[phase].Minutes);
    }

    /// <summary>The calendars a check of these staff members reads: theirs, then the units of the resource (if any).</summary>
    public IReadOnlyList<StaffId> CalendarsOf(IEnumerable<StaffId> staff) => [.. staff, .. Resource?.Units ?? []];

    /// <summary><see cref="ResourceMinutes"/> as instants for a start.</summary>
    public Interval? ResourceAt(Instant start, StaffId staff) => ResourceMinutes(staff) is { } m
        ? new Interval(start + Duration.FromMinutes(m.From), start + Duration.FromMinutes(m.To))
        : null;

    private static void Add(List<(int From, int To)> busy, int from, int to)
    {
        if (to <= from) return;
        if (busy.Count > 0 && busy[^1].To == from) busy[^1] = (busy[^1].From, to);
        else busy.Add((from, to));
    }
}
