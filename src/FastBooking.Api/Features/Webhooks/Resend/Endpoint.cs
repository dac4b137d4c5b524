using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Common;
using FastBooking.Application.Webhooks;
using FastBooking.Application.Webhooks.Resend;
using FastEndpoints;

namespace FastBooking.Api.Features.Webhooks.Resend;

/// <summary>Sends a delivery again, now, and turns its endpoint back on if it was disabled.</summary>
public sealed class Endpoint(IHandler<ResendDelivery, WebhookDelivery> resend) : Endpoint<Request, DeliveryResponse>
{
    public override void Configure()
    {
        Post("/webhooks/{id}/deliveries/{deliveryId}/resend");
        Description(d => d.Answers<DeliveryResponse>(StatusCodes.Status200OK), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Resend a delivery";
            s.Description = "Makes the delivery pending again, due now, with a new retry period, and turns a disabled endpoint back on: it then " +
                "also receives, in order, the events committed while it was off.";
            s.ResponseExamples[StatusCodes.Status200OK] = DeliveryResponse.Example with { Status = "pending", NextAttemptAt = "2026-11-24T12:10:00+00:00" };
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync((Guid.TryParse(req.Id, out var id) && long.TryParse(req.DeliveryId, out var delivery)
                ? await resend.HandleAsync(new ResendDelivery(HttpContext.BusinessId(), id, delivery), ct)
                : Error.NotFound("No such delivery."))
            .ToHttp(DeliveryResponse.From));
}
