using FastBooking.Domain.Staff;
using NodaTime;

namespace FastBooking.Domain.Holds;

/// <summary>What a hold blocks, as the read paths see it: one staff member's occupied range until it expires.</summary>
public sealed record LiveHold(HoldToken Token, StaffId StaffId, Interval Occupied, Instant ExpiresAt)
{
    public bool IsLiveAt(Instant now) => ExpiresAt > now;
}
