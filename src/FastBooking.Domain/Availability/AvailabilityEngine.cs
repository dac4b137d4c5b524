using FastBooking.Domain.Time;
using NodaTime;

namespace FastBooking.Domain.Availability;

/// <summary>Availability straight from stored state: project the needed staff-days, then scan them.</summary>
public static class AvailabilityEngine
{
    public static IReadOnlyList<Slot> Find(SlotSearch search, SchedulingState state, Instant now)
    {
        var zone = search.Business.Zone;
        var byStaff = search.QualifiedStaff()
            .Where(state.Schedules.ContainsKey)
            .ToDictionary(id => id, id =>
            {
                var appointments = state.AppointmentsOf(id).ToList();
                return search.DatesToRead().ToDictionary(d => d,
                    d => StaffDayProjection.Project(state.Schedules[id], LocalDay.Of(d, zone), appointments));
            });
        return SlotFinder.Find(search,
            (id, date) => byStaff.TryGetValue(id, out var days) && days.TryGetValue(date, out var b) ? b : null,
            state.Holds, now);
    }
}
