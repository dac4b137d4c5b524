using FastBooking.Api.Auth;
using FastBooking.Api.Common;
using FastBooking.Application.Common;
using FastBooking.Application.ReadModel.Parked;
using FastEndpoints;

namespace FastBooking.Api.Features.ParkedChanges.Replay;

/// <summary>
/// Applies parked rows again (all of them without <c>outboxIds</c>), once their cause is mended; those that apply are
/// unparked, and a business left with none reads from Redis again. Platform operators only (X-Admin-Key).
/// </summary>
public sealed class Endpoint(IHandler<ReplayParkedChanges, ReplayReport> replay) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/parked-changes/replay");
        AuthSchemes(AdminKeyAuthentication.SchemeName);
        Options(o => o.RequireRateLimiting(Throttling.OperatorPolicy));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync((await replay.HandleAsync(new ReplayParkedChanges(req.OutboxIds ?? []), ct)).ToHttp(Response.From));
}
