using FastBooking.Api.Auth;
using FastBooking.Api.Common;
using FastBooking.Application.Common;
using FastBooking.Application.ReadModel.Parked;
using FastEndpoints;

namespace FastBooking.Api.Features.ParkedChanges.List;

/// <summary>The outbox rows the projector parked, oldest first; platform operators only (X-Admin-Key).</summary>
public sealed class Endpoint(IHandler<ListParkedChanges, Application.ReadModel.Parked.ParkedChanges> list) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/parked-changes");
        AuthSchemes(AdminKeyAuthentication.SchemeName);
        Options(o => o.RequireRateLimiting(Throttling.OperatorPolicy));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync((await list.HandleAsync(new ListParkedChanges(req.Limit ?? PageRequest.DefaultLimit), ct)).ToHttp(Response.From));
}
