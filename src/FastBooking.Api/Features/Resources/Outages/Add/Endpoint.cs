using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Common;
using FastBooking.Application.Resources;
using FastBooking.Application.Resources.Outages.Add;
using FastEndpoints;

namespace FastBooking.Api.Features.Resources.Outages.Add;

public sealed class Endpoint(IHandler<AddOutage, OutageAnswer> add) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/resource-units/{id}/outages");
        PreProcessor<ReadIdempotencyKey<Request>>();
        Description(d => d.Takes<Request>().Answers<Response>(StatusCodes.Status201Created), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Take a resource unit out of service";
            s.Description = "Adds an outage (instants with offsets, `end` after `start`): the unit is not offered, held or booked for any time overlapping it. " +
                "Appointments already booked on it stay.";
            s.ExampleRequest = Request.Example;
            s.ResponseExamples[StatusCodes.Status201Created] = Response.Example;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = Guid.TryParse(req.Id, out var unit)
            ? await add.HandleAsync(new AddOutage(HttpContext.BusinessId(), unit, req.ToPeriod(), req.Reason, HttpContext.IdempotencyKey()), ct)
            : ResourceUnit.NotFound;
        await Send.ResultAsync(outcome.ToHttp(Response.From));
    }
}
