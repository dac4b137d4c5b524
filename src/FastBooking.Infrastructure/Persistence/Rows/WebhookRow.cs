using NodaTime;

namespace FastBooking.Infrastructure.Persistence.Rows;

/// <summary>A webhook endpoint as PostgreSQL keeps it (read and written by <c>WebhookStore</c> and the dispatcher in SQL).</summary>
public sealed class WebhookRow
{
    public Guid Id { get; set; }
    public Guid BusinessId { get; set; }
    public required string Url { get; set; }
    public required string[] EventTypes { get; set; }
    public required string Secret { get; set; }
    public Instant CreatedAt { get; set; }
    public long Position { get; set; }
    public Instant? DisabledAt { get; set; }
    public string? DisabledReason { get; set; }
}

/// <summary>One event's delivery to one webhook endpoint.</summary>
public sealed class WebhookDeliveryRow
{
    public long Id { get; set; }
    public Guid WebhookId { get; set; }
    public long Position { get; set; }
    public required string EventId { get; set; }
    public required string EventType { get; set; }
    public required string Status { get; set; }
    public int Attempts { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant NextAttemptAt { get; set; }
    public Instant? FirstAttemptAt { get; set; }
    public Instant? LastAttemptAt { get; set; }
    public int? LastStatus { get; set; }
    public string? LastError { get; set; }
    public Instant? DeliveredAt { get; set; }
}
