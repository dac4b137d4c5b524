using NodaTime;

namespace FastBooking.Application.Common;

/// <summary>
/// One change's call state, owned by the transaction pipeline: "now" for the whole change, the events it records
/// (outbox rows now, read-model and cache work after the commit), what to do once committed, and what to release
/// whatever the outcome once the transaction has ended.
/// </summary>
public sealed class ChangeContext(Instant now, IUnitOfWork unitOfWork)
{
    private readonly List<ChangeEvent> _changes = [];
    private readonly List<Func<Task>> _onCommitted = [];
    private readonly List<IAsyncDisposable> _afterTransaction = [];

    public Instant Now { get; } = now;

    public IReadOnlyList<ChangeEvent> Changes => _changes;

    /// <summary>Records a change: its outbox row is written in this transaction.</summary>
    public void Record(ChangeEvent change)
    {
        unitOfWork.Append(change);
        _changes.Add(change);
    }

    /// <summary>Runs once the transaction has committed a success (e.g. freeing the hold a booking confirmed).</summary>
    public void OnCommitted(Func<Task> action) => _onCommitted.Add(action);

    /// <summary>Disposed when the transaction has ended, committed or not (e.g. a booking's short reservations).</summary>
    public T Use<T>(T resource) where T : IAsyncDisposable
    {
        _afterTransaction.Add(resource);
        return resource;
    }

    /// <summary>The work was undone (a refusal recorded for its key): nothing it recorded happened.</summary>
    internal void Undo()
    {
        unitOfWork.Discard();
        _changes.Clear();
        _onCommitted.Clear();
    }

    internal async Task CommittedAsync()
    {
        foreach (var action in _onCommitted) await action();
    }

    internal async Task EndAsync()
    {
        foreach (var resource in _afterTransaction) await resource.DisposeAsync();
    }
}
