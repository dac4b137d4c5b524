using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using NodaTime;

namespace FastBooking.Domain.Holds;

/// <summary>
/// A temporary reservation of one service's start for one staff member, ignored once expired. It blocks what the
/// appointment would: <see cref="Busy"/>, the buffers and busy phases in order.
/// </summary>
public sealed record Hold(HoldToken Token, StaffId StaffId, ServiceId ServiceId, Interval Booked, IReadOnlyList<Interval> Busy, Instant ExpiresAt)
{
    public bool IsLiveAt(Instant now) => ExpiresAt > now;

    /// <summary>From the first busy minute to the last.</summary>
    public Interval Occupied => new(Busy[0].Start, Busy[^1].End);

    /// <summary>The processing time inside the held service: held for the customer, free for the staff member.</summary>
    public IReadOnlyList<Interval> Processing => IntervalSet.Subtract([Booked], Busy);

    /// <summary>What this hold blocks for everyone else.</summary>
    public LiveHold Blocking => new(Token, StaffId, Busy, ExpiresAt);
}
