namespace FastBooking.Application.Common;

/// <summary>
/// The request's PostgreSQL unit of work: one transaction at a time; the stores of the same request write into it.
/// </summary>
public interface IUnitOfWork
{
    Task<ITransaction> BeginAsync(CancellationToken ct);

    /// <summary>Queues an outbox row for the change, written with the next <see cref="SaveAsync"/>.</summary>
    void Append(ChangeEvent change);

    /// <summary>Writes every queued change. A concurrent transaction that took the same range raises
    /// <see cref="ConcurrentChangeException"/>.</summary>
    Task SaveAsync(CancellationToken ct);

    /// <summary>Forgets queued changes that were not written (after rolling back to a savepoint).</summary>
    void Discard();
}

public interface ITransaction : IAsyncDisposable
{
    Task SavepointAsync(string name, CancellationToken ct);

    Task RollbackToSavepointAsync(string name, CancellationToken ct);

    Task CommitAsync(CancellationToken ct);
}
