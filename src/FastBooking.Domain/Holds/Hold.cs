using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using NodaTime;

namespace FastBooking.Domain.Holds;

/// <summary>A temporary reservation of one service's start for one staff member, ignored once expired.</summary>
public sealed record Hold(HoldToken Token, StaffId StaffId, ServiceId ServiceId, Interval Booked, Interval Occupied, Instant ExpiresAt)
{
    public bool IsLiveAt(Instant now) => ExpiresAt > now;

    /// <summary>What this hold blocks for everyone else.</summary>
    public LiveHold Blocking => new(Token, StaffId, Occupied, ExpiresAt);
}
