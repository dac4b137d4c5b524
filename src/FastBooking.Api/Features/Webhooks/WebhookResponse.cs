using FastBooking.Api.Common;
using FastBooking.Application.ChangeFeed;
using FastBooking.Application.Webhooks;
using NodaTime;

namespace FastBooking.Api.Features.Webhooks;

/// <summary>An endpoint as listed (never its secret); <c>disabledAt</c> is set when delivery stopped after the retry period.</summary>
public sealed record WebhookResponse(Guid Id, string Url, IReadOnlyList<string> EventTypes, string CreatedAt, string? DisabledAt, string? DisabledReason)
{
    public static WebhookResponse Example => new(Guid.Parse("019ab7e4-6a31-7d52-9c14-3e8f0b2a5d61"), "https://salon-app.example.com/hooks/fastbooking",
        Application.ChangeFeed.EventTypes.All, "2026-11-24T12:00:00+00:00", null, null);

    public static WebhookResponse From(Webhook w) => new(w.Id, w.Url, w.EventTypes, ApiFormats.Format(w.CreatedAt, DateTimeZone.Utc),
        w.DisabledAt is { } at ? ApiFormats.Format(at, DateTimeZone.Utc) : null, w.DisabledReason);
}

/// <summary>One event's delivery to the endpoint, times in UTC.</summary>
public sealed record DeliveryResponse(long Id, string EventId, string EventType, string Status, int Attempts, string CreatedAt,
    string? NextAttemptAt, string? LastAttemptAt, int? LastStatus, string? LastError, string? DeliveredAt)
{
    public static DeliveryResponse Example => new(7, Events.EventResponse.Example.Id, Application.ChangeFeed.EventTypes.Rescheduled, WebhookDelivery.Delivered, 2,
        "2026-11-24T12:05:01+00:00", null, "2026-11-24T12:05:12+00:00", 200, null, "2026-11-24T12:05:12+00:00");

    public static DeliveryResponse From(WebhookDelivery d) => new(d.Id, d.EventId, d.EventType, d.Status, d.Attempts, Utc(d.CreatedAt),
        d.Status == WebhookDelivery.Pending ? Utc(d.NextAttemptAt) : null, d.LastAttemptAt is { } a ? Utc(a) : null, d.LastStatus, d.LastError,
        d.DeliveredAt is { } delivered ? Utc(delivered) : null);

    private static string Utc(Instant i) => ApiFormats.Format(i, DateTimeZone.Utc);
}
