using NodaTime;

namespace FastBooking.Infrastructure.Persistence.Rows;

/// <summary>A committed change for the read-model projector, written in the same transaction as the change.</summary>
public sealed class OutboxRow
{
    public long Id { get; set; }
    public Guid BusinessId { get; set; }
    public required string Type { get; set; }
    public required string Payload { get; set; }
    public Instant CreatedAt { get; set; }
}
