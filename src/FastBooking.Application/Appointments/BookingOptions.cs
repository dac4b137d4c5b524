using System.ComponentModel.DataAnnotations;

namespace FastBooking.Application.Appointments;

/// <summary>Configuration section <c>FastBooking:Booking</c>.</summary>
public sealed class BookingOptions
{
    public const string Section = "FastBooking:Booking";

    /// <summary>How long a booking without a hold reserves its range in Redis while its transaction runs, so that
    /// nobody can hold the range meanwhile; released as soon as the transaction ends.</summary>
    // Longer than any booking transaction may wait on a lock: a reservation that lapsed mid-transaction protects nothing.
    [Range(typeof(TimeSpan), "00:00:10", "00:10:00")]
    public TimeSpan ReservationTtl { get; set; } = TimeSpan.FromSeconds(30);
}
