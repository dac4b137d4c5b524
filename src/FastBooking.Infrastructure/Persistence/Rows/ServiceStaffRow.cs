namespace FastBooking.Infrastructure.Persistence.Rows;

/// <summary>Who performs a service, with an optional staff-specific duration.</summary>
public sealed class ServiceStaffRow
{
    public Guid ServiceId { get; set; }
    public Guid StaffId { get; set; }
    public int? DurationMinutes { get; set; }
}
