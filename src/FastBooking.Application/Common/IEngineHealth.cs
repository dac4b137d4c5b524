namespace FastBooking.Application.Common;

/// <summary>What readiness depends on (PostgreSQL, the source of truth, answering) and what it reports beside.</summary>
public interface IEngineHealth
{
    /// <summary>The webhook deliveries' state when PostgreSQL answers; null when it does not.</summary>
    Task<WebhookBacklog?> CheckAsync(CancellationToken ct);
}

/// <summary>Deliveries waiting, deliveries failed for good, and endpoints disabled after a whole retry period.</summary>
public sealed record WebhookBacklog(long Pending, long Failed, long DisabledEndpoints);
