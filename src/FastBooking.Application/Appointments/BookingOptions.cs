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
}
