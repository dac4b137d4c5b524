using FastBooking.Api.Common;
using FastBooking.Application.Common;
using FastBooking.Application.ReadModel.Check;
using FastEndpoints;
using NodaTime;

namespace FastBooking.Api.Features.ReadModel.Check;

/// <summary>Compares the Redis bitmaps with a fresh projection from PostgreSQL and lists every difference.</summary>
public sealed class Endpoint(IHandler<CheckReadModel, ConsistencyReport> check) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/read-model/check");
        Options(o => o.RequireRateLimiting(Throttling.OperatorPolicy));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var query = new CheckReadModel(HttpContext.BusinessId(), new DateInterval(ApiFormats.ParseDate(req.From!), ApiFormats.ParseDate(req.To!)));
        await Send.ResultAsync((await check.HandleAsync(query, ct)).ToHttp(Response.From));
    }
}
