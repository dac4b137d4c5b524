using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Webhooks.List;

public sealed record ListWebhooks(BusinessId Business, PageRequest Page);

public sealed class ListWebhooksHandler(IWebhookStore webhooks) : IHandler<ListWebhooks, Page<Webhook>>
{
    public async Task<Outcome<Page<Webhook>>> HandleAsync(ListWebhooks query, CancellationToken ct) =>
        await webhooks.ListAsync(query.Business, query.Page, ct);
}
