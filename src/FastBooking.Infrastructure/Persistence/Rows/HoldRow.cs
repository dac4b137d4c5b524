using NodaTime;

namespace FastBooking.Infrastructure.Persistence.Rows;

/// <summary>A hold as PostgreSQL keeps it; live while <see cref="ExpiresAt"/> is after now.</summary>
public sealed class HoldRow
{
    public required string Token { get; set; }
    public Guid BusinessId { get; set; }
    public Guid StaffId { get; set; }
    public Guid ServiceId { get; set; }
    public Interval Booked { get; set; }
    public Interval Occupied { get; set; }
    /// <summary>The staff member's busy ranges inside <see cref="Occupied"/> (tstzmultirange), what the hold blocks.</summary>
    public Interval[] Busy { get; set; } = [];
    public Instant ExpiresAt { get; set; }
}
