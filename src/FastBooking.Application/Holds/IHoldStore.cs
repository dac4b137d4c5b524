using FastBooking.Domain.Businesses;
using FastBooking.Domain.Holds;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using NodaTime;

namespace FastBooking.Application.Holds;

/// <summary>Holds in Redis, placed atomically by a script against other holds and (for customers) the free bitmaps.</summary>
public interface IHoldStore
{
    /// <summary>
    /// Reserves the hold's busy ranges. With <paramref name="days"/> the projected bitmaps must show it free too (a
    /// customer's hold); without, only other holds are checked (a booking's own reservation). Null: Redis did not answer.
    /// </summary>
    Task<Reservation?> ReserveAsync(BusinessId business, Hold hold, Duration timeToLive, Instant now, IReadOnlyList<LocalDay> days);

    /// <summary>A hold by token, live or not; null when Redis has none or did not answer.</summary>
    Task<Hold?> FindAsync(BusinessId business, HoldToken token);

    /// <summary>Frees a hold at once. False when Redis did not answer (the hold then frees itself at expiry).</summary>
    Task<bool> ReleaseAsync(BusinessId business, Hold hold);

    /// <summary>
    /// Replaces a hold or reservation by another of the same staff member, in one step (nothing sees the range free
    /// between them). False when Redis did not answer.
    /// </summary>
    Task<bool> HandOverAsync(BusinessId business, Hold from, Hold to, Instant now);

    /// <summary>Live holds of the given staff; null when Redis did not answer.</summary>
    Task<List<LiveHold>?> LiveAsync(BusinessId business, IReadOnlyList<StaffId> staff, Instant now);
}

/// <summary>What the hold script found. <see cref="Booking"/>: another booking's transaction is taking the range right now.</summary>
public enum Reservation { Reserved, Held, Booking, Busy, Unprojected }
