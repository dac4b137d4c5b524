using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Common;
using FastBooking.Application.Holds.Release;
using FastBooking.Domain.Holds;
using FastEndpoints;

namespace FastBooking.Api.Features.Holds.Release;

/// <summary>Releases a hold at once (it would also expire by itself).</summary>
public sealed class Endpoint(IHandler<ReleaseHold, Done> release) : Endpoint<Request>
{
    public override void Configure()
    {
        Delete("/holds/{token}");
        Description(d => d.AnswersNoContent(), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Release a hold";
            s.Description = "Releases a live hold at once (it would also expire by itself): its time is free again. 404 when there is no such live hold.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync((HoldToken.TryParse(req.Token, out var token)
            ? await release.HandleAsync(new ReleaseHold(HttpContext.BusinessId(), token), ct)
            : Error.NotFound("No such hold.")).ToHttp());
}
