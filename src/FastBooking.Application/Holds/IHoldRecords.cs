using FastBooking.Domain.Businesses;
using FastBooking.Domain.Holds;
using FastBooking.Domain.Staff;
using NodaTime;

namespace FastBooking.Application.Holds;

/// <summary>
/// Holds in PostgreSQL, on the request's connection (inside its transaction when one is open): the durable record of
/// every hold Redis placed, which bookings, reschedules and the direct availability path honour whatever Redis says.
/// An expired hold is ignored by every read; no sweeper is needed.
/// </summary>
public interface IHoldRecords
{
    /// <summary>
    /// Records a hold the script has placed, unless a confirmed appointment or another live hold overlaps its busy
    /// ranges (false: whatever the bitmaps showed, the range is taken). Expired holds are ignored here and deleted by
    /// a pass of their own.
    /// </summary>
    Task<bool> TryAddAsync(BusinessId business, Hold hold, Instant now, CancellationToken ct);

    /// <summary>Deletes a hold, live or not, and answers it; null when there is none. Inside a change's transaction the
    /// delete is undone with the change.</summary>
    Task<Hold?> RemoveAsync(BusinessId business, HoldToken token, CancellationToken ct);

    /// <summary>Whether a live hold of the staff member overlaps the busy ranges (a hold this transaction removed does not).</summary>
    Task<bool> IsHeldAsync(StaffId staff, IReadOnlyList<Interval> busy, Instant now, CancellationToken ct);

    /// <summary>Live holds of the given staff.</summary>
    Task<List<LiveHold>> LiveAsync(IReadOnlyList<StaffId> staff, Instant now, CancellationToken ct);
}
