using FastBooking.Api.Common;
using FastBooking.Application.Schedules.TimeOff.Add;

namespace FastBooking.Api.Features.Schedules.TimeOff.Add;

public sealed record Response(Guid Id, Guid StaffId, string Start, string End, string? Reason)
{
    public static Response Example => new(Guid.Parse("019ad3b2-6c41-7e08-9b5a-2f4d6e8a0c13"), Guid.Parse(Request.Example.Id!),
        Request.Example.Start!, Request.Example.End!, Request.Example.Reason);

    public static Response From(TimeOffAnswer answer)
    {
        var (timeOff, zone) = answer;
        return new(timeOff.Id, timeOff.StaffId, ApiFormats.Format(timeOff.Period.Start, zone), ApiFormats.Format(timeOff.Period.End, zone),
            timeOff.Reason);
    }
}
