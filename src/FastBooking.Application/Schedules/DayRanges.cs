using FastBooking.Domain.Schedules;
using NodaTime;

namespace FastBooking.Application.Schedules;

/// <summary>The two weeks of ranges every staff member has: when they work, and their recurring breaks.</summary>
public enum WeeklyRangeKind { WorkingHours, Breaks }

/// <summary>One weekday's ranges of a week (working hours or breaks); none means a day off, or no break.</summary>
public sealed record DayRanges(IsoDayOfWeek Day, IReadOnlyList<LocalTimeRange> Ranges);
