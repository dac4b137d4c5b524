using FastBooking.Application.Idempotency;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Common;

/// <summary>A use case: one request in, one <see cref="Outcome{T}"/> out.</summary>
public interface IHandler<in TRequest, T>
{
    Task<Outcome<T>> HandleAsync(TRequest request, CancellationToken ct);
}

/// <summary>A request that changes stored state of one business, optionally under an Idempotency-Key.</summary>
public interface IChange
{
    BusinessId Business { get; }

    IdempotencyKey? IdempotencyKey { get; }
}

/// <summary>
/// A change that takes or frees staff ranges (book, cancel, reschedule): a concurrent transaction that beat it to the
/// range (exclusion violation, deadlock, serialization failure) means the slot was taken — a 409, not an outage.
/// </summary>
public interface IRangeChange : IChange;

/// <summary>
/// A change whose state lives only in Redis (a hold): it needs a PostgreSQL transaction only to record its
/// Idempotency-Key, so without one it runs without holding a database connection.
/// </summary>
public interface IReadModelChange : IChange;

/// <summary>
/// The work of a change, run by <see cref="InTransaction{TCommand,T}"/> inside its transaction: it reads and writes
/// through the request's stores, and records what changed on the <see cref="ChangeContext"/>.
/// </summary>
public interface IChangeHandler<in TCommand, T> where TCommand : IChange
{
    Task<Outcome<T>> HandleAsync(TCommand command, ChangeContext context, CancellationToken ct);
}
