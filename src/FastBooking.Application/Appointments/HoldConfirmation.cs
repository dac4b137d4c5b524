using FastBooking.Application.Common;
using FastBooking.Application.Holds;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Holds;
using NodaTime;

namespace FastBooking.Application.Appointments;

/// <summary>The hold a booking or reschedule confirms with its token.</summary>
public sealed class HoldConfirmation(IHoldRecords records, IHoldStore holds)
{
    private static readonly Error Gone = new(ErrorCode.HoldConflict, "The hold has expired or does not exist.");

    /// <summary>
    /// The hold, when it is live and for exactly this service, start and (when named) staff member; kept if the change
    /// is refused. No token: no hold and no refusal.
    /// </summary>
    /// <remarks>
    /// The hold is taken out of PostgreSQL in the change's transaction, whatever Redis knows (it may be down, or have
    /// lost the hold): the delete is undone with a refused change, and the change's own range checks no longer see it.
    /// The caller frees the Redis copy: <see cref="ReleaseOnCommit"/>, or a booking's hand-over.
    /// </remarks>
    public async Task<(Hold? Hold, Error? Refusal)> ConfirmAsync(BusinessId business, string? token, Guid serviceId, Guid? staffId,
        Instant start, ChangeContext context, CancellationToken ct)
    {
        if (token is null) return (null, null);
        if (!HoldToken.TryParse(token, out var wellFormed)) return (null, Gone);
        if (await records.RemoveAsync(business, wellFormed, ct) is not { } hold || !hold.IsLiveAt(context.Now)) return (null, Gone);
        if (hold.ServiceId.Value != serviceId || hold.Booked.Start != start || (staffId is { } s && s != hold.StaffId.Value))
            return (null, new(ErrorCode.HoldConflict, "The hold is for another service, staff member or start."));
        return (hold, null);
    }

    /// <summary>Frees the Redis copy of a confirmed hold once the change commits.</summary>
    public void ReleaseOnCommit(BusinessId business, Hold hold, ChangeContext context) => context.OnCommitted(() => holds.ReleaseAsync(business, hold));
}
