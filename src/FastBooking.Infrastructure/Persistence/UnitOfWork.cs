using FastBooking.Application.Common;
using FastBooking.Infrastructure.Outbox;
using FastBooking.Infrastructure.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NodaTime;

namespace FastBooking.Infrastructure.Persistence;

/// <summary>The request's unit of work over its pooled <see cref="FastBookingDb"/>: the stores of one request share it.</summary>
public sealed class UnitOfWork(FastBookingDb db, IClock clock) : IUnitOfWork
{
    public async Task<ITransaction> BeginAsync(CancellationToken ct)
    {
        // The pipeline sets its own savepoint where it needs one: EF's, around every SaveChanges, cost two round trips.
        db.Database.AutoSavepointsEnabled = false;
        return new Transaction(await db.Database.BeginTransactionAsync(ct));
    }

    public void Append(ChangeEvent change)
    {
        var (type, payload) = OutboxCodec.Encode(change);
        db.Outbox.Add(new OutboxRow { BusinessId = change.Business.Value, Type = type, Payload = payload, CreatedAt = clock.GetCurrentInstant() });
    }

    public async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (IsConcurrentChange(e.InnerException))
        {
            throw new ConcurrentChangeException("A concurrent change took the range.", e);
        }
        catch (PostgresException e) when (IsConcurrentChange(e))
        {
            throw new ConcurrentChangeException("A concurrent change took the range.", e);
        }
    }

    public void Discard() => db.ChangeTracker.Clear();

    /// <summary>Exclusion violation, deadlock or serialization failure: all mean a concurrent change took the range.</summary>
    internal static bool IsConcurrentChange(Exception? e) => (e as PostgresException)?.SqlState is "23P01" or "40P01" or "40001";

    private sealed class Transaction(IDbContextTransaction tx) : ITransaction
    {
        public Task SavepointAsync(string name, CancellationToken ct) => tx.CreateSavepointAsync(name, ct);

        public Task RollbackToSavepointAsync(string name, CancellationToken ct) => tx.RollbackToSavepointAsync(name, ct);

        public Task CommitAsync(CancellationToken ct) => tx.CommitAsync(ct);

        public ValueTask DisposeAsync() => tx.DisposeAsync();
    }
}
