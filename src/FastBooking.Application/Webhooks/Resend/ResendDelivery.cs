using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;
using NodaTime;

namespace FastBooking.Application.Webhooks.Resend;

/// <summary>Sends a delivery again (a failed one, or one delivered that the receiver lost), and turns its endpoint back on.</summary>
public sealed record ResendDelivery(BusinessId Business, Guid Webhook, long Delivery);

public sealed class ResendDeliveryHandler(IWebhookStore webhooks, IClock clock) : IHandler<ResendDelivery, WebhookDelivery>
{
    public async Task<Outcome<WebhookDelivery>> HandleAsync(ResendDelivery command, CancellationToken ct) =>
        await webhooks.ResendAsync(command.Business, command.Webhook, command.Delivery, clock.GetCurrentInstant(), ct) is { } delivery
            ? delivery
            : Error.NotFound("No such delivery.");
}
