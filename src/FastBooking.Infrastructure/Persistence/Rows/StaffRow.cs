using NodaTime;

namespace FastBooking.Infrastructure.Persistence.Rows;

/// <summary>A staff member. Deleting one deactivates it: its appointments keep pointing at it.</summary>
public sealed class StaffRow
{
    public Guid Id { get; set; }
    public Guid BusinessId { get; set; }
    public required string Name { get; set; }
    public bool Active { get; set; }
    public Instant CreatedAt { get; set; }
}
