using FastBooking.Application.Webhooks;
using FastBooking.Domain.Businesses;
using FastBooking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FastBooking.Infrastructure.Webhooks;

/// <summary>Registers webhooks through the request's <see cref="FastBookingDb"/>, in its transaction.</summary>
public sealed class WebhookRegistrations(FastBookingDb db) : IWebhookRegistrations
{
    public async Task AddAsync(BusinessId business, Webhook w, string secret, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO webhooks (id, business_id, url, event_types, secret, created_at, position)
            VALUES ({w.Id}, {business.Value}, {w.Url}, {w.EventTypes.ToArray()}, {secret}, {w.CreatedAt}, change_feed_head())
            """, ct);
}
