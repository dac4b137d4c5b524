using FastBooking.Domain.Schedules;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using NodaTime;

namespace FastBooking.Domain.Availability;

/// <summary>
/// One staff member's time on one local date, as instant ranges: working hours (or the override), breaks,
/// time off, and what is left open. Explain reads the parts; the bitmap projection reads <see cref="Open"/>.
/// </summary>
public sealed record OpenTime(
    LocalDay Day,
    IReadOnlyList<Interval> Working,
    IReadOnlyList<Interval> Breaks,
    IReadOnlyList<Interval> TimeOff,
    IReadOnlyList<Interval> Open)
{
    public static OpenTime Of(StaffSchedule schedule, LocalDay day)
    {
        var working = InstantsOf(schedule.WorkingRangesOn(day.Date), day);
        var breaks = InstantsOf(schedule.Breaks.On(day.Date.DayOfWeek), day);
        var timeOff = IntervalSet.Intersect(schedule.TimeOff.Select(t => t.Period), [day.Span]);
        var open = IntervalSet.Subtract(working, breaks.Concat(timeOff));
        return new OpenTime(day, working, breaks, timeOff, open);
    }

    private static IReadOnlyList<Interval> InstantsOf(IReadOnlyList<LocalTimeRange> ranges, LocalDay day) =>
        IntervalSet.Normalize(ranges.SelectMany(r => day.InstantsOf(r.StartOn(day.Date), r.EndOn(day.Date))));
}
