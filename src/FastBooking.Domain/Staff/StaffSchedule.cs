using FastBooking.Domain.Schedules;
using NodaTime;

namespace FastBooking.Domain.Staff;

/// <summary>Everything that decides when one staff member is open: weekly hours, recurring breaks, time off, date overrides.</summary>
public sealed record StaffSchedule(
    StaffId StaffId,
    WeeklyHours WorkingHours,
    WeeklyHours Breaks,
    IReadOnlyList<TimeOff> TimeOff,
    IReadOnlyDictionary<LocalDate, DateOverride> Overrides)
{
    public static StaffSchedule Weekly(StaffId id, WeeklyHours hours) =>
        new(id, hours, WeeklyHours.None, [], new Dictionary<LocalDate, DateOverride>());

    /// <summary>The working ranges of one local date: the override when there is one, else the weekday's hours.</summary>
    public IReadOnlyList<LocalTimeRange> WorkingRangesOn(LocalDate date) =>
        Overrides.TryGetValue(date, out var o) ? o.Ranges : WorkingHours.On(date.DayOfWeek);
}
