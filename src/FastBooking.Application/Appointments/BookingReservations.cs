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
/// whatever its outcome: what the change did not hand over is released, what it handed over is undone unless committed.
/// </summary>
public sealed class BookingReservations(IHoldStore holds, IHoldRecords records, BusinessId business, BookingOptions options) : IAsyncDisposable
{
    private readonly List<Hold> _reserved = [];
    private readonly List<(Hold Held, Hold StandIn, Instant At)> _handedOver = [];

    /// <summary>
    /// The refusal when a customer holds the range or another booking is taking it right now; null when the range is
    /// free of both. With Redis out, PostgreSQL's holds alone decide (and PostgreSQL's exclusion constraint the rest).
    /// </summary>
    public async Task<Error?> ReserveAsync(AppointmentRecord appointment, Instant now, CancellationToken ct)
    {
        var ttl = Duration.FromTimeSpan(options.ReservationTtl);
        var reservation = new Hold(HoldTokens.ReservationOf(appointment.Id), new StaffId(appointment.StaffId), new ServiceId(appointment.ServiceId),
            appointment.Booked, appointment.Busy, now + ttl);
        switch (await holds.ReserveAsync(business, reservation, ttl, now, []))
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
        return await records.IsHeldAsync(reservation.StaffId, appointment.Busy, now, ct) ? Refusals.Held : null;
    }

    /// <summary>
    /// The appointment with the first of <paramref name="freeUnits"/> (free in PostgreSQL, in number order) that no
    /// concurrent booking is taking, reserved (<see cref="ReserveUnitAsync"/>); null when every one is being taken.
    /// So concurrent bookings of a kind spread over its units instead of colliding on the first.
    /// </summary>
    public async Task<AppointmentRecord?> FirstUnitAsync(AppointmentRecord appointment, IEnumerable<StaffId> freeUnits, Interval? used, Instant now)
    {
        foreach (var unit in freeUnits)
        {
            var candidate = appointment.WithUnit(unit, used);
            if (await ReserveUnitAsync(candidate, now)) return candidate;
        }
        return null;
    }

    /// <summary>
    /// Reserves the appointment's resource unit for the range it uses: false when another booking is taking that unit
    /// right now. With Redis out it is true: the exclusion constraint decides.
    /// </summary>
    public async Task<bool> ReserveUnitAsync(AppointmentRecord appointment, Instant now)
    {
        if (appointment is not { ResourceUnitId: { } unit, ResourceRange: { } used }) return true;
        var ttl = Duration.FromTimeSpan(options.ReservationTtl);
        var reservation = new Hold(HoldTokens.ReservationOf(appointment.Id), new StaffId(unit), new ServiceId(appointment.ServiceId),
            appointment.Booked, [used], now + ttl);
        var result = await holds.ReserveAsync(business, reservation, ttl, now, []);
        if (result == Reservation.Reserved) _reserved.Add(reservation);
        return result is null or Reservation.Reserved;
    }

    /// <summary>
    /// Before a booking's insert: its reservation, or the customer's hold it confirms, becomes the booking's stand-in
    /// in Redis (<see cref="BookingOptions.HandoverTtl"/>), which blocks the range for every read and hold until the
    /// projector has applied the booking to the bitmaps and releases it. So the request need not re-project, and
    /// nothing sees the range free in between. Undone at the end unless the booking commits and <see cref="Keep"/> keeps
    /// it. False when Redis did not take all of it (nothing is then handed over: the request re-projects after its
    /// commit, as other changes do).
    /// </summary>
    public async Task<bool> HandOverAsync(AppointmentRecord appointment, Hold? confirmed, ChangeContext context)
    {
        var token = HoldTokens.ReservationOf(appointment.Id);
        var held = confirmed ?? _reserved.FirstOrDefault(r => r.Token == token && r.StaffId.Value == appointment.StaffId);
        // The unit's reservation stands in for its range as well; without one (Redis was out) the booking is re-projected.
        var unit = _reserved.FirstOrDefault(r => r.Token == token && r.StaffId.Value == appointment.ResourceUnitId);
        if (held is null || (appointment.ResourceUnitId is not null && unit is null)) return false;
        if (!await HandOverAsync(held, token, context)) return false;
        if (unit is null || await HandOverAsync(unit, token, context)) return true;
        // Half a stand-in would outlive the booking or give a hold back over it: the staff member's part is undone now.
        await UndoAsync(_handedOver[^1]);
        _handedOver.RemoveAt(_handedOver.Count - 1);
        return false;
    }

    /// <summary>The booking committed with its stand-ins: they stay until the projector releases them. Stand-ins of
    /// attempts that did not book (a concurrent booking took the range) are still undone at the end.</summary>
    public void Keep(AppointmentRecord booked, ChangeEvent change, ChangeContext context)
    {
        var token = HoldTokens.ReservationOf(booked.Id);
        context.StandsIn(change);
        context.OnCommitted(() =>
        {
            _handedOver.RemoveAll(h => h.StandIn.Token == token);
            return Task.CompletedTask;
        });
    }

    private async Task<bool> HandOverAsync(Hold held, HoldToken token, ChangeContext context)
    {
        var standIn = held with { Token = token, ExpiresAt = context.Now + Duration.FromTimeSpan(options.HandoverTtl) };
        if (!await holds.HandOverAsync(business, held, standIn, context.Now)) return false;
        _reserved.Remove(held);
        _handedOver.Add((held, standIn, context.Now));
        return true;
    }

    /// <summary>A hand-over that did not book: a customer's hold is theirs again; a reservation goes.</summary>
    private async Task UndoAsync((Hold Held, Hold StandIn, Instant At) handedOver)
    {
        var (held, standIn, at) = handedOver;
        if (held.Token == standIn.Token) await holds.ReleaseAsync(business, standIn);
        else await holds.HandOverAsync(business, standIn, held, at);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var reservation in _reserved) await holds.ReleaseAsync(business, reservation);
        foreach (var handedOver in _handedOver) await UndoAsync(handedOver);
        _reserved.Clear();
        _handedOver.Clear();
    }
}

/// <summary>Opens a change's reservations, released when its transaction ends.</summary>
public sealed class Reservations(IHoldStore holds, IHoldRecords records, Microsoft.Extensions.Options.IOptions<BookingOptions> options)
{
    public BookingReservations Open(BusinessId business, ChangeContext context) =>
        context.Use(new BookingReservations(holds, records, business, options.Value));
}
