using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Holds;

namespace FastBooking.Application.Holds.Release;

public sealed record ReleaseHold(BusinessId Business, HoldToken Token);

/// <summary>Frees a hold at once (it would also expire by itself).</summary>
public sealed class ReleaseHoldHandler(IHoldStore holds) : IHandler<ReleaseHold, Done>
{
    public async Task<Outcome<Done>> HandleAsync(ReleaseHold command, CancellationToken ct)
    {
        var found = await holds.FindAsync(command.Business, command.Token);
        if (found.Answered && found.Hold is null) return Error.NotFound("No such hold.");
        if (found.Hold is { } hold && await holds.ReleaseAsync(command.Business, hold)) return Done.Value;
        return new Error(ErrorCode.HoldsUnavailable, "Redis did not answer; the hold will expire by itself.");
    }
}
