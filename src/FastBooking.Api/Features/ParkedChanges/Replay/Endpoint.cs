using FastBooking.Api.Auth;
using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
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
        Description(d => d.Takes<Request>().Answers<Response>(StatusCodes.Status200OK), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Replay parked changes";
            s.Description = "Applies the named parked rows again (every parked row with `outboxIds` empty or left out; at most 1000 ids), once their cause is mended: " +
                "those that apply are unparked, those that fail again stay parked with their new error. A business left with none reads from Redis again. " +
                "Platform operators only (`X-Admin-Key`).";
            s.ExampleRequest = Request.Example;
            s.ResponseExamples[StatusCodes.Status200OK] = Response.Example;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync((await replay.HandleAsync(new ReplayParkedChanges(req.OutboxIds ?? []), ct)).ToHttp(Response.From));
}
