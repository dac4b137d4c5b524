using FastBooking.Domain.Businesses;
using NodaTime;

using FastBooking.Application.Common;

namespace FastBooking.Application.Idempotency;

/// <summary>
/// Idempotency records, claimed inside the change's own transaction: a concurrent request with the same key waits on
/// the claim until the first commits (then replays it) or rolls back (then runs itself).
/// </summary>
public interface IIdempotencyRecords
{
    Task<Claim> ClaimAsync(BusinessId business, IdempotencyKey key, Instant now, CancellationToken ct);

    Task CompleteAsync(BusinessId business, IdempotencyKey key, RecordedAnswer answer, CancellationToken ct);
}

public abstract record Claim
{
    public sealed record Claimed : Claim;

    /// <summary>The key was used with the same request: its recorded answer.</summary>
    public sealed record Replay(RecordedAnswer Answer) : Claim;

    /// <summary>The key was used with another request.</summary>
    public sealed record Reused : Claim;
}

/// <summary>Renders a use case's outcome as the HTTP answer it will be (status and body), to record for replays.</summary>
public interface IAnswerRenderer<T>
{
    RecordedAnswer Render(Outcome<T> outcome);
}
