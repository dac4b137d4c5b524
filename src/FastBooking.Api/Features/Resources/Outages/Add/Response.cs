using FastBooking.Api.Common;
using FastBooking.Application.Resources.Outages.Add;

namespace FastBooking.Api.Features.Resources.Outages.Add;

public sealed record Response(Guid Id, Guid UnitId, string Start, string End, string? Reason)
{
    public static Response Example => new(Guid.Parse("019ad3b2-6c41-7e08-9b5a-000000000c01"), Guid.Parse(Request.Example.Id!),
        Request.Example.Start!, Request.Example.End!, Request.Example.Reason);

    public static Response From(OutageAnswer answer)
    {
        var (outage, zone) = answer;
        return new(outage.Id, outage.UnitId, ApiFormats.Format(outage.Period.Start, zone), ApiFormats.Format(outage.Period.End, zone), outage.Reason);
    }
}
