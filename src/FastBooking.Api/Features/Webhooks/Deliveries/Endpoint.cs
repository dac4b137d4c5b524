using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Common;
using FastBooking.Application.Webhooks;
using FastBooking.Application.Webhooks.Deliveries;
using FastEndpoints;

namespace FastBooking.Api.Features.Webhooks.Deliveries;

/// <summary>An endpoint's deliveries, newest first: pending (with the next attempt), delivered, or failed.</summary>
public sealed class Endpoint(IHandler<ListDeliveries, Page<WebhookDelivery>> list) : Endpoint<Request, PageResponse<DeliveryResponse>>
{
    public override void Configure()
    {
        Get("/webhooks/{id}/deliveries");
        Validator<PagingRules.Only<Request>>();
        Description(d => d.Accepts<Request>().Answers<PageResponse<DeliveryResponse>>(StatusCodes.Status200OK), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "List a webhook's deliveries";
            s.Description = "The endpoint's deliveries, newest first: each event's status (`pending` with `nextAttemptAt`, `delivered`, or `failed` " +
                "after the retry period), attempts, and the receiver's last answer or error.";
            s.ResponseExamples[StatusCodes.Status200OK] = Request.ExampleAnswer;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync((Guid.TryParse(req.Id, out var id)
                ? await list.HandleAsync(new ListDeliveries(HttpContext.BusinessId(), id, req.Page), ct)
                : Error.NotFound("No such webhook."))
            .ToHttp(page => PageResponse<DeliveryResponse>.From(page, DeliveryResponse.From)));
}
