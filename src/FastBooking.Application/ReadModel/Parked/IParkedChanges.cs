using FastBooking.Domain.Businesses;
using NodaTime;

namespace FastBooking.Application.ReadModel.Parked;

/// <summary>An outbox row the projector gave up on after bounded retries, with the last error.</summary>
public sealed record ParkedChange(long OutboxId, BusinessId Business, string Type, string Payload, string Error, int Attempts, Instant ParkedAt);

/// <summary>What a replay did: the rows now applied (and unparked), and those that failed again.</summary>
public sealed record ReplayReport(IReadOnlyList<long> Replayed, IReadOnlyList<ParkedChange> StillParked);

/// <summary>The projector's dead letters: parked rows, listed and replayed by an operator.</summary>
public interface IParkedChanges
{
    /// <summary>The oldest parked rows, at most <paramref name="limit"/>, and how many there are in all.</summary>
    Task<(IReadOnlyList<ParkedChange> Rows, int Total)> ListAsync(int limit, CancellationToken ct);

    /// <summary>Applies the named parked rows again (all, when none are named); those that apply are unparked.</summary>
    Task<ReplayReport> ReplayAsync(IReadOnlyCollection<long> outboxIds, CancellationToken ct);
}
