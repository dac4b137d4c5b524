using FastBooking.Api.Common;
using FastBooking.Application.Schedules.TimeOff.Add;

namespace FastBooking.Api.Features.Schedules.TimeOff.Add;

public sealed record Response(Guid Id, Guid StaffId, string Start, string End, string? Reason)
{
    public static Response From(TimeOffAnswer answer)
    {
        var (timeOff, zone) = answer;
        return new(timeOff.Id, timeOff.StaffId, ApiFormats.Format(timeOff.Period.Start, zone), ApiFormats.Format(timeOff.Period.End, zone),
            timeOff.Reason);
    }
}
