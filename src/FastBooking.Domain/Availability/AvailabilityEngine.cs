using NodaTime;

namespace FastBooking.Domain.Availability;

/// <summary>Availability straight from stored state: project the needed staff-days, then scan them.</summary>
public static class AvailabilityEngine
{
    public static IReadOnlyList<Slot> Find(SlotSearch search, SchedulingState state, Instant now) => Prepare(search, state, now).ToList();

    public static Openings Prepare(SlotSearch search, SchedulingState state, Instant now)
    {
        var byStaff = search.QualifiedStaff()
            .Where(state.Schedules.ContainsKey)
            .ToDictionary(id => id, id => StaffDayProjection.Project(state, id, search.DatesToRead()).ToDictionary(b => b.Day.Date));
        return new Openings(search,
            (id, date) => byStaff.TryGetValue(id, out var days) && days.TryGetValue(date, out var b) ? b : null,
            state.Holds, now);
    }
}
