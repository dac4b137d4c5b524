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
    private readonly HashSet<ChangeEvent> _standIns = new(ReferenceEqualityComparer.Instance);
    private readonly List<Func<Task>> _onCommitted = [];
    private readonly List<IAsyncDisposable> _afterTransaction = [];

    public Instant Now { get; } = now;

    public IReadOnlyList<ChangeEvent> Changes => _changes;

    /// <summary>The changes the read model must re-project after the commit: all but those a reservation stands in for.</summary>
    public IReadOnlyList<ChangeEvent> ToProject => _changes.Where(c => !_standIns.Contains(c)).ToList();

    /// <summary>Records a change: its outbox row is written in this transaction.</summary>
    public void Record(ChangeEvent change)
    {
        unitOfWork.Append(change);
        _changes.Add(change);
    }

    /// <summary>Records a change whose store wrote its outbox row in the same statement as the change itself.</summary>
    public void Written(ChangeEvent change) => _changes.Add(change);

    /// <summary>A Redis reservation stands in for this change until the projector applies it: no re-projection after the commit.</summary>
    public void StandsIn(ChangeEvent change) => _standIns.Add(change);

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
        _standIns.Clear();
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
