using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Webhooks.Deliveries;

public sealed record ListDeliveries(BusinessId Business, Guid Webhook, PageRequest Page);

/// <summary>An endpoint's deliveries, newest first: what was sent, how often, what the receiver answered.</summary>
public sealed class ListDeliveriesHandler(IWebhookStore webhooks) : IHandler<ListDeliveries, Page<WebhookDelivery>>
{
    public async Task<Outcome<Page<WebhookDelivery>>> HandleAsync(ListDeliveries query, CancellationToken ct) =>
        await webhooks.DeliveriesAsync(query.Business, query.Webhook, query.Page, ct) is { } page ? page : Error.NotFound("No such webhook.");
}
