using FastBooking.Application.Common;
using FastBooking.Application.Holds;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Holds;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using NodaTime;

namespace FastBooking.Application.Appointments;

/// <summary>
/// One change's short Redis reservations of the ranges it is booking, so that nobody can hold a range while it is
/// being booked and vice versa, and its check of PostgreSQL's holds. Disposed when the transaction has ended,
/// whatever its outcome.
/// </summary>
public sealed class BookingReservations(IHoldStore holds, IHoldRecords records, BusinessId business, Duration timeToLive) : IAsyncDisposable
{
    private readonly List<Hold> _reserved = [];

    /// <summary>
    /// The refusal when a customer holds the range or another booking is taking it right now; null when the range is
    /// free of both. With Redis out, PostgreSQL's holds alone decide (and PostgreSQL's exclusion constraint the rest).
    /// </summary>
    public async Task<Error?> ReserveAsync(AppointmentRecord appointment, Instant now, CancellationToken ct)
    {
        var reservation = new Hold(HoldTokens.NewReservation(), new StaffId(appointment.StaffId), new ServiceId(appointment.ServiceId),
            appointment.Booked, appointment.Occupied, now + timeToLive);
        switch (await holds.ReserveAsync(business, reservation, timeToLive, now, []))
        {
            case Reservation.Reserved:
                _reserved.Add(reservation);
                break;
            case Reservation.Held:
                return Refusals.Held;
            case Reservation.Booking:
                return new Error(ErrorCode.SlotTaken, "The time is being booked by someone else.");
        }
        // After the reservation, so that no new hold can slip in between: Redis may be down or have lost holds that
        // PostgreSQL kept.
        return await records.IsHeldAsync(reservation.StaffId, appointment.Occupied, now, ct) ? Refusals.Held : null;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var reservation in _reserved) await holds.ReleaseAsync(business, reservation);
        _reserved.Clear();
    }
}

/// <summary>Opens a change's reservations, released when its transaction ends.</summary>
public sealed class Reservations(IHoldStore holds, IHoldRecords records, Microsoft.Extensions.Options.IOptions<BookingOptions> options)
{
    public BookingReservations Open(BusinessId business, ChangeContext context) =>
        context.Use(new BookingReservations(holds, records, business, Duration.FromTimeSpan(options.Value.ReservationTtl)));
}
