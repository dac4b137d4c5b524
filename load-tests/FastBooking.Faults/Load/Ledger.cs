using System.Collections.Concurrent;

namespace FastBooking.Faults.Load;

/// <summary>
/// Every booking the engine acknowledged with a 201, and what happened to the cancels sent for them: what PostgreSQL
/// must hold at the end.
/// </summary>
public sealed class Ledger
{
    public sealed record Booking(Guid Id, string StaffId, string Start, string Instance);

    public enum CancelState { Sent, Acknowledged }

    private readonly ConcurrentDictionary<Guid, Booking> _booked = new();
    private readonly ConcurrentDictionary<Guid, CancelState> _cancels = new();
    private readonly ConcurrentQueue<Guid> _cancellable = new();

    public void Booked(Booking booking)
    {
        _booked[booking.Id] = booking;
        _cancellable.Enqueue(booking.Id);
    }

    /// <summary>A booking to cancel, oldest first, each handed out once; null when none is left.</summary>
    public Guid? NextToCancel()
    {
        if (!_cancellable.TryDequeue(out var id)) return null;
        _cancels[id] = CancelState.Sent;
        return id;
    }

    public void Cancelled(Guid id) => _cancels[id] = CancelState.Acknowledged;

    public IReadOnlyCollection<Booking> Bookings => _booked.Values.ToList();
    public CancelState? CancelOf(Guid id) => _cancels.TryGetValue(id, out var state) ? state : null;
    public int CancelsAcknowledged => _cancels.Values.Count(s => s == CancelState.Acknowledged);
}
