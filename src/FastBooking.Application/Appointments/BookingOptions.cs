using System.ComponentModel.DataAnnotations;

namespace FastBooking.Application.Appointments;

/// <summary>Configuration section <c>FastBooking:Booking</c>.</summary>
public sealed class BookingOptions
{
    public const string Section = "FastBooking:Booking";

    /// <summary>How long a booking without a hold reserves its range in Redis while its transaction runs, so that
    /// nobody can hold the range meanwhile; released as soon as the transaction ends.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ReservationTtl { get; set; } = TimeSpan.FromSeconds(30);
}
