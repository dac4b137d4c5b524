using FastBooking.Api.Common;
using FastBooking.Domain.Schedules;

namespace FastBooking.Api.Features.Schedules.Overrides.Put;

public sealed record Response(string Date, IReadOnlyList<TimeRangeDto> Intervals)
{
    public static Response Example => new(Request.Example.Date!, Request.Example.Intervals!);

    public static Response From(DateOverride day) => new(ApiFormats.Format(day.Date), day.Ranges.Select(TimeRangeDto.From).ToList());
}
