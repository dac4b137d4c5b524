using FastBooking.Api.Auth;
using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
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
        // Accepts names the query's DTO, without a body: a cleared description would list no query parameter.
        Description(d => d.Accepts<Request>().Answers<Response>(StatusCodes.Status200OK), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "List parked changes";
            s.Description = "The oldest `limit` (1–500, default 100) outbox rows the projector parked after repeated failures, with their last error, " +
                "and how many are parked in all. Platform operators only (`X-Admin-Key`).";
            s.ResponseExamples[StatusCodes.Status200OK] = Response.Example;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync((await list.HandleAsync(new ListParkedChanges(req.Limit ?? PageRequest.DefaultLimit), ct)).ToHttp(Response.From));
}
