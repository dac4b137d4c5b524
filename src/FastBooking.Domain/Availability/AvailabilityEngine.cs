using FastBooking.Domain.Staff;
using FastBooking.Domain.Visits;
using NodaTime;

namespace FastBooking.Domain.Availability;

/// <summary>Availability straight from stored state: project the needed staff-days (and resource-unit-days), then scan them.</summary>
public static class AvailabilityEngine
{
    public static IReadOnlyList<Slot> Find(SlotSearch search, SchedulingState state, Instant now) => Prepare(search, state, now).ToList();

    public static Openings Prepare(SlotSearch search, SchedulingState state, Instant now) =>
        new(search, Project(state, search.Service.CalendarsOf(search.QualifiedStaff()), search.DatesToRead()), state.Holds, now);

    public static IReadOnlyList<VisitSlot> FindVisit(VisitSearch search, SchedulingState state, Instant now) =>
        VisitFinder.Find(search, Project(state, search.Calendars(), search.DatesToRead()), state.Holds, now);

    /// <summary>The staff-days of stored state, as the read model would hold them; staff without a schedule have none.</summary>
    public static Func<StaffId, LocalDate, StaffDayBitmap?> Project(SchedulingState state, IEnumerable<StaffId> staff, IEnumerable<LocalDate> dates)
    {
        var wanted = dates.ToList();
        var byStaff = staff.Where(state.Schedules.ContainsKey)
            .ToDictionary(id => id, id => StaffDayProjection.Project(state, id, wanted).ToDictionary(b => b.Day.Date));
        return (id, date) => byStaff.TryGetValue(id, out var days) && days.TryGetValue(date, out var b) ? b : null;
    }
}
