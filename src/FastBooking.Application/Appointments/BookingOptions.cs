using System.ComponentModel.DataAnnotations;

namespace FastBooking.Application.Appointments;

/// <summary>Configuration section <c>FastBooking:Booking</c>.</summary>
public sealed class BookingOptions
{
    public const string Section = "FastBooking:Booking";

    /// <summary>How long a booking without a hold reserves its range in Redis while its transaction runs, so that
    /// nobody can hold the range meanwhile; released as soon as the transaction ends.</summary>
    // It must outlive the transaction that took it (a lapsed reservation lets a hold in before the commit), and it is
    // all that frees the range when the instance dies mid-booking. A booking transaction lasts milliseconds (its insert
    // waits at most for a concurrent booking of the same range to end, and never deadlocks), so 5 s is far beyond any
    // live one, while a crashed instance's reservation stops refusing holds within seconds.
    [Range(typeof(TimeSpan), "00:00:02", "00:10:00")]
    public TimeSpan ReservationTtl { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long, at most, a booking's reservation stands in for it in Redis once inserted, until the projector has
    /// applied it to the bitmaps and released it (within milliseconds when healthy; a new leader takes over within
    /// seconds). Beyond a projector stalled this long a reader could see the range free for a moment (the exclusion
    /// constraint still refuses a second booking); an instance that dies between insert and commit leaves the range
    /// blocked this long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:30:00")]
    public TimeSpan HandoverTtl { get; set; } = TimeSpan.FromSeconds(30);
}
