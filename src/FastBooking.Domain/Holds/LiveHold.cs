using FastBooking.Domain.Staff;
using NodaTime;

namespace FastBooking.Domain.Holds;

/// <summary>What a hold blocks, as the read paths see it: one staff member's busy ranges until it expires.</summary>
public sealed record LiveHold(HoldToken Token, StaffId StaffId, IReadOnlyList<Interval> Busy, Instant ExpiresAt)
{
    public bool IsLiveAt(Instant now) => ExpiresAt > now;

    public bool Blocks(Instant t) => Busy.Any(b => b.Contains(t));
}
