using NodaTime;

namespace FastBooking.Infrastructure.Persistence.Rows;

/// <summary>A tenant with its time zone and booking rules (the rules are columns: one set per business).</summary>
public sealed class BusinessRow
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string TimeZone { get; set; }
    public int SlotIntervalMinutes { get; set; }
    public int LeadTimeMinutes { get; set; }
    public int BookingWindowDays { get; set; }
    public int CancellationCutoffMinutes { get; set; }
    public int RescheduleCutoffMinutes { get; set; }
    public int HoldTtlSeconds { get; set; }
    public Instant CreatedAt { get; set; }
}
