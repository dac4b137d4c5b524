using NodaTime;

namespace FastBooking.Infrastructure.Persistence.Rows;

/// <summary>An outbox row the projector parked after repeated failures, with the last error.</summary>
public sealed class ParkedRow
{
    public long OutboxId { get; set; }
    public Guid BusinessId { get; set; }
    public required string Type { get; set; }
    public required string Payload { get; set; }
    public required string Error { get; set; }
    public int Attempts { get; set; }
    public Instant ParkedAt { get; set; }
}
