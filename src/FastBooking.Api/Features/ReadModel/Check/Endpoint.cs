using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
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
        // Accepts names the query's DTO, without a body: a cleared description would list no query parameter.
        Description(d => d.Accepts<Request>().Answers<Response>(StatusCodes.Status200OK), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Check the read model";
            s.Description = "Compares the business's Redis bitmaps for the business-local dates `from`–`to` (at most 92 days) with a fresh projection from PostgreSQL " +
                "and lists every staff-day that differs (`missing` in Redis, or `different` with the minutes that differ); `pending` counts staff-days that differ " +
                "only by bookings the projector has yet to apply. Throttled per business.";
            s.ResponseExamples[StatusCodes.Status200OK] = Response.Example;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var query = new CheckReadModel(HttpContext.BusinessId(), new DateInterval(ApiFormats.ParseDate(req.From!), ApiFormats.ParseDate(req.To!)));
        await Send.ResultAsync((await check.HandleAsync(query, ct)).ToHttp(Response.From));
    }
}
