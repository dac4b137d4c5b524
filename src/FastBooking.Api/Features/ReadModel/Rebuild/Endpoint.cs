using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Common;
using FastBooking.Application.ReadModel.Rebuild;
using FastEndpoints;

namespace FastBooking.Api.Features.ReadModel.Rebuild;

/// <summary>Re-projects the business's staff-days over its booking horizon from PostgreSQL.</summary>
public sealed class Endpoint(IHandler<RebuildReadModel, Done> rebuild) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Post("/read-model/rebuild");
        Options(o => o.RequireRateLimiting(Throttling.OperatorPolicy));
        Description(d => d.AnswersNoContent(), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Rebuild the read model";
            s.Description = "Re-projects the business's staff-days over its booking horizon from PostgreSQL into Redis; 503 `unavailable` when Redis does not take them " +
                "(nothing is lost). Throttled per business.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.ResultAsync((await rebuild.HandleAsync(new RebuildReadModel(HttpContext.BusinessId()), ct)).ToHttp());
}
