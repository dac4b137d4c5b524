using FastBooking.Application.Schedules.WeeklyRanges;

namespace FastBooking.Api.Features.Schedules.WeeklyRanges;

/// <summary>The week as stored.</summary>
public sealed record Response(IReadOnlyList<Response.Day> Days)
{
    public sealed record Day(string Weekday, IReadOnlyList<TimeRangeDto> Intervals);

    public static Response WorkingHoursExample => Of(Request.WorkingHoursExample);
    public static Response BreaksExample => Of(Request.BreaksExample);

    private static Response Of(Request week) => new(week.Days!.Select(d => new Day(d.Weekday!, d.Intervals!)).ToList());

    public static Response From(Week week) =>
        new(week.Days.Select(d => new Day(d.Day.ToString().ToLowerInvariant(), d.Ranges.Select(TimeRangeDto.From).ToList())).ToList());
}
