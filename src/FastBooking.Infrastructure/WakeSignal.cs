namespace FastBooking.Infrastructure;

/// <summary>
/// Wakes a background loop when a committed change may have given it work, and lets it poll as a safety net. Wakes
/// that arrive while one is pending are one wake; a woken loop waits <c>delay</c> more, so that one pass takes every
/// change committed meanwhile (under load, a pass per batch instead of a pass per change).
/// </summary>
public sealed class WakeSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        if (_wake.CurrentCount > 0) return;
        try { _wake.Release(); }
        catch (SemaphoreFullException) { } // already woken: one pass reads every new change
    }

    /// <summary>Returns after a wake and the delay, or after the poll interval, or when stopped (never throws).</summary>
    public async Task WaitAsync(TimeSpan poll, TimeSpan delay, CancellationToken stop)
    {
        try
        {
            if (await _wake.WaitAsync(poll, stop) && delay > TimeSpan.Zero) await Task.Delay(delay, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
    }
}
