using NodaTime;

namespace FastBooking.Infrastructure.Persistence.Rows;

/// <summary>
/// An appointment. <see cref="Occupied"/> (tstzrange) is the visit with its buffers; <see cref="Busy"/>
/// (tstzmultirange inside it: the buffers and busy phases) is what the exclusion constraint guards for confirmed rows.
/// </summary>
public sealed class AppointmentRow
{
    public const string Confirmed = "confirmed";
    public const string Cancelled = "cancelled";

    public Guid Id { get; set; }
    public Guid BusinessId { get; set; }
    public Guid StaffId { get; set; }
    public Guid ServiceId { get; set; }
    public required string Status { get; set; }
    public Instant StartAt { get; set; }
    public Instant EndAt { get; set; }
    public Interval Occupied { get; set; }
    public Interval[] Busy { get; set; } = [];
    /// <summary>The resource unit assigned and the range it is used for (both null when the service needs none).</summary>
    public Guid? ResourceUnitId { get; set; }
    public Interval? ResourceRange { get; set; }
    /// <summary>The visit it is one service of (null: booked on its own).</summary>
    public Guid? VisitId { get; set; }
    public required string CustomerName { get; set; }
    public string? CustomerPhone { get; set; }
    public string? CustomerEmail { get; set; }
    public string? Notes { get; set; }
    public string? CancelReason { get; set; }
    public int Version { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant UpdatedAt { get; set; }
}
