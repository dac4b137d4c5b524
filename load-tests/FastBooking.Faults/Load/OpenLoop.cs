using System.Diagnostics;

namespace FastBooking.Faults.Load;

/// <summary>
/// An open-loop generator: arrival i is due at i / rate seconds, whether or not earlier requests have been answered,
/// so a slow or stalled engine is seen as growing latency and errors rather than as a politely lower request rate.
/// Bounded in count (rate × duration) and in waiting requests; each request is bounded by the client's timeout.
/// </summary>
public static class OpenLoop
{
    /// <summary>Arrivals due while this many are still waiting are dropped (and counted) instead of piling up.</summary>
    private const int MaxInFlight = 500;

    public static async Task RunAsync(double ratePerSecond, TimeSpan duration, Tally tally,
        Func<long, Func<TimeSpan>, Task> arrival, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var count = (long)(ratePerSecond * duration.TotalSeconds);
        var inFlight = 0;
        var running = new List<Task>((int)Math.Min(count, 100_000));
        for (var i = 0L; i < count && !ct.IsCancellationRequested; i++)
        {
            var due = TimeSpan.FromSeconds(i / ratePerSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait, ct);
            if (Volatile.Read(ref inFlight) >= MaxInFlight)
            {
                tally.Dropped();
                continue;
            }
            Interlocked.Increment(ref inFlight);
            running.Add(Task.Run(async () =>
            {
                try { await arrival(i, () => clock.Elapsed - due); }
                finally { Interlocked.Decrement(ref inFlight); }
            }, CancellationToken.None));
        }
        await Task.WhenAll(running);
    }
}
