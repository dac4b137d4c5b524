using FastBooking.Application.Common;
using FastBooking.Application.Schedules;
using FastBooking.Application.Schedules.WeeklyRanges;

namespace FastBooking.Api.Features.Schedules.Breaks;

public sealed class Endpoint(IHandler<ReplaceWeeklyRanges, Week> replace)
    : WeeklyRanges.Endpoint(replace, WeeklyRangeKind.Breaks, "/staff/{id}/breaks");
