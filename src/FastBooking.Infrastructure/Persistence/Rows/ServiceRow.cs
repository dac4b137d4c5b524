using NodaTime;

namespace FastBooking.Infrastructure.Persistence.Rows;

public sealed class ServiceRow
{
    public Guid Id { get; set; }
    public Guid BusinessId { get; set; }
    public required string Name { get; set; }
    public int DurationMinutes { get; set; }
    public int BufferBeforeMinutes { get; set; }
    public int BufferAfterMinutes { get; set; }
    public decimal? Price { get; set; }
    /// <summary>The phases in order, as two arrays of one length (empty: no phases).</summary>
    public int[] PhaseMinutes { get; set; } = [];
    public bool[] PhaseStaffBusy { get; set; } = [];
    /// <summary>The kind of resource the service needs a unit of (null: none), for its whole length or one phase.</summary>
    public Guid? ResourceKindId { get; set; }
    public int? ResourcePhase { get; set; }
    public bool Active { get; set; }
    public Instant CreatedAt { get; set; }
    public List<ServiceStaffRow> Staff { get; set; } = [];
}
