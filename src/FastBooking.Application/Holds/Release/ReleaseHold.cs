using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Holds;

namespace FastBooking.Application.Holds.Release;

public sealed record ReleaseHold(BusinessId Business, HoldToken Token);

/// <summary>
/// Frees a hold at once (it would also expire by itself): PostgreSQL's record, which binds bookings, and Redis's copy.
/// With Redis down the record suffices; the copy then lapses at the hold's expiry.
/// </summary>
public sealed class ReleaseHoldHandler(IHoldRecords records, IHoldStore holds) : IHandler<ReleaseHold, Done>
{
    public async Task<Outcome<Done>> HandleAsync(ReleaseHold command, CancellationToken ct)
    {
        // Redis alone may still have it: its copy outlived an earlier release that Redis missed.
        var hold = await records.RemoveAsync(command.Business, command.Token, ct)
            ?? await holds.FindAsync(command.Business, command.Token);
        if (hold is null) return Error.NotFound("No such hold.");
        await holds.ReleaseAsync(command.Business, hold);
        return Done.Value;
    }
}
