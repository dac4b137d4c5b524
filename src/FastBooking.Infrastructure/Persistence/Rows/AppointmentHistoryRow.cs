using NodaTime;

namespace FastBooking.Infrastructure.Persistence.Rows;

/// <summary>One version of an appointment as it was after a change (booked, rescheduled, cancelled).</summary>
public sealed class AppointmentHistoryRow
{
    public long Id { get; set; }
    public Guid AppointmentId { get; set; }
    public int Version { get; set; }
    public required string Event { get; set; }
    public Guid StaffId { get; set; }
    public required string Status { get; set; }
    public Instant StartAt { get; set; }
    public Instant EndAt { get; set; }
    /// <summary>The staff member's busy ranges at this version (buffers and busy phases).</summary>
    public Interval[] Busy { get; set; } = [];
    /// <summary>The resource unit and the range it was used for at this version (null when none).</summary>
    public Guid? ResourceUnitId { get; set; }
    public Interval? ResourceRange { get; set; }
    public Instant At { get; set; }
}
