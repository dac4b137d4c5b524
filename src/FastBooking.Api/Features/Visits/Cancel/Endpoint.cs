using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Common;
using FastBooking.Application.Visits;
using FastBooking.Application.Visits.Cancel;
using FastEndpoints;

namespace FastBooking.Api.Features.Visits.Cancel;

/// <summary>Cancels a whole visit before the cancellation cut-off of its first start.</summary>
public sealed class Endpoint(IHandler<CancelVisit, VisitAnswer> cancel) : Endpoint<Request, VisitResponse>
{
    public override void Configure()
    {
        Post("/visits/{id}/cancel");
        PreProcessor<ReadIdempotencyKey<Request>>();
        Description(d => d.Takes<Request>().Answers<VisitResponse>(StatusCodes.Status200OK)
            .Refuses(ErrorCode.AlreadyCancelled, ErrorCode.CancellationCutoff), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Cancel a visit";
            s.Description = "Cancels every confirmed appointment of the visit in one transaction, until the cancellation cut-off of its first start, with an optional reason. " +
                "One appointment of a visit can also be cancelled on its own (`POST /v1/appointments/{id}/cancel`): the others stay booked.";
            s.ExampleRequest = Request.Example;
            s.ResponseExamples[StatusCodes.Status200OK] = VisitResponse.Example;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = Guid.TryParse(req.Id, out var id)
            ? await cancel.HandleAsync(new CancelVisit(HttpContext.BusinessId(), id, req.Reason, HttpContext.IdempotencyKey()), ct)
            : VisitAnswer.NotFound;
        await Send.ResultAsync(outcome.ToHttp(VisitResponse.From));
    }
}
