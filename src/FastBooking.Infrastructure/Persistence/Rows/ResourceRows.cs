using NodaTime;

namespace FastBooking.Infrastructure.Persistence.Rows;

/// <summary>A kind of shared resource (basin, colour chair, treatment room), with <see cref="Units"/> numbered 1..n.</summary>
public sealed class ResourceKindRow
{
    public Guid Id { get; set; }
    public Guid BusinessId { get; set; }
    public required string Name { get; set; }
    public Instant CreatedAt { get; set; }
    public List<ResourceUnitRow> Units { get; set; } = [];
}

/// <summary>One unit of a kind: what a booking is assigned and the exclusion constraint keeps apart.</summary>
public sealed class ResourceUnitRow
{
    public Guid Id { get; set; }
    public Guid KindId { get; set; }
    public Guid BusinessId { get; set; }
    public int Number { get; set; }
}

/// <summary>A period a unit is out of service.</summary>
public sealed class ResourceOutageRow
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public Interval Period { get; set; }
    public string? Reason { get; set; }
}
