using System.Security.Cryptography;
using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;
using NodaTime;

namespace FastBooking.Application.Webhooks;

/// <summary>
/// An integrator's endpoint for a business's events: where to send, which event types, and whether delivery is on.
/// Delivery stops (<see cref="DisabledAt"/>) when one event failed for the whole retry period; a resend turns it on again.
/// </summary>
public sealed record Webhook(Guid Id, string Url, IReadOnlyList<string> EventTypes, Instant CreatedAt, Instant? DisabledAt, string? DisabledReason);

/// <summary>A new endpoint with the secret its deliveries are signed with: shown this once.</summary>
public sealed record RegisteredWebhook(Webhook Webhook, string Secret)
{
    /// <summary>32 random bytes, URL-safe: <c>whsec_…</c>.</summary>
    public static string NewSecret() =>
        "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>One event's delivery to one endpoint: pending (with its next attempt), delivered, or failed after the retry period.</summary>
public sealed record WebhookDelivery(
    long Id, string EventId, string EventType, long Position, string Status, int Attempts, Instant CreatedAt, Instant NextAttemptAt,
    Instant? LastAttemptAt, int? LastStatus, string? LastError, Instant? DeliveredAt)
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}

/// <summary>Registering endpoints, inside the change's transaction.</summary>
public interface IWebhookRegistrations
{
    /// <summary>Registers the endpoint from the feed's current end: it receives events committed from now on.</summary>
    Task AddAsync(BusinessId business, Webhook webhook, string secret, CancellationToken ct);
}

public interface IWebhookStore
{
    Task<Page<Webhook>> ListAsync(BusinessId business, PageRequest page, CancellationToken ct);

    Task<bool> RemoveAsync(BusinessId business, Guid id, CancellationToken ct);

    /// <summary>The endpoint's deliveries, newest first; null when the business has no such endpoint.</summary>
    Task<Page<WebhookDelivery>?> DeliveriesAsync(BusinessId business, Guid webhook, PageRequest page, CancellationToken ct);

    /// <summary>Makes a delivery pending again, due now, and turns its endpoint back on; null when there is no such delivery.</summary>
    Task<WebhookDelivery?> ResendAsync(BusinessId business, Guid webhook, long delivery, Instant now, CancellationToken ct);
}

/// <summary>The headers every delivery carries (the dispatcher sends them, the contract documents them).</summary>
public static class WebhookHeaders
{
    public const string Signature = "FastBooking-Signature";
    public const string EventId = "FastBooking-Event-Id";
    public const string EventType = "FastBooking-Event-Type";
    public const string Attempt = "FastBooking-Delivery-Attempt";
}
