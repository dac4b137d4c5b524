using FastBooking.Application.Common;
using FastBooking.Application.Holds;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Holds;
using NodaTime;

namespace FastBooking.Application.Appointments;

/// <summary>The hold a booking or reschedule confirms with its token.</summary>
public sealed class HoldConfirmation(IHoldStore holds)
{
    /// <summary>
    /// The hold, when it is live and for exactly this service, start and (when named) staff member; it is freed once
    /// the change commits, and kept if the change is refused. No token: no hold and no refusal.
    /// </summary>
    public async Task<(Hold? Hold, Error? Refusal)> ConfirmAsync(BusinessId business, string? token, Guid serviceId, Guid? staffId,
        Instant start, ChangeContext context)
    {
        if (token is null) return (null, null);
        if (!HoldToken.TryParse(token, out var wellFormed)) return (null, new(ErrorCode.HoldConflict, "The hold has expired or does not exist."));
        var found = await holds.FindAsync(business, wellFormed);
        if (!found.Answered) return (null, new(ErrorCode.HoldsUnavailable, "Holds cannot be read right now; book without the hold token."));
        if (found.Hold is not { } hold || !hold.IsLiveAt(context.Now)) return (null, new(ErrorCode.HoldConflict, "The hold has expired or does not exist."));
        if (hold.ServiceId.Value != serviceId || hold.Booked.Start != start || (staffId is { } s && s != hold.StaffId.Value))
            return (null, new(ErrorCode.HoldConflict, "The hold is for another service, staff member or start."));
        context.OnCommitted(() => holds.ReleaseAsync(business, hold));
        return (hold, null);
    }
}
