using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Common;
using FastBooking.Application.Visits;
using FastBooking.Application.Visits.Get;
using FastEndpoints;

namespace FastBooking.Api.Features.Visits.Get;

public sealed class Endpoint(IHandler<GetVisit, VisitAnswer> get) : Endpoint<Request, VisitResponse>
{
    public override void Configure()
    {
        Get("/visits/{id}");
        Description(d => d.Answers<VisitResponse>(StatusCodes.Status200OK), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Get a visit";
            s.Description = "A visit with its appointments in start order, cancelled ones included.";
            s.ResponseExamples[StatusCodes.Status200OK] = VisitResponse.Example;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = Guid.TryParse(req.Id, out var id) ? await get.HandleAsync(new GetVisit(HttpContext.BusinessId(), id), ct) : VisitAnswer.NotFound;
        await Send.ResultAsync(outcome.ToHttp(VisitResponse.From));
    }
}
