using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace FastBooking.Faults.Load;

/// <summary>Told of each arrival the generator did not send because too many requests were already waiting.</summary>
public interface IDropCounter
{
    /// <param name="index">The arrival's index: it was due at index / rate seconds.</param>
    void Dropped(long index);
}

/// <summary>
/// An open-loop generator: arrival i is due at i / rate seconds, whether or not earlier requests have been answered,
/// so a slow or stalled engine is seen as growing latency and errors rather than as a politely lower request rate.
/// Bounded in count (rate × duration) and in waiting requests; each request is bounded by the client's timeout.
/// Shared: FastBooking.Faults compiles it, FastBooking.LoadTests links it.
/// </summary>
public static class OpenLoop
{
    /// <summary>Arrivals due while this many are still waiting are dropped (and counted) instead of piling up.</summary>
    public const int DefaultMaxInFlight = 500;

    /// <summary>Sends arrivals 0 … rate × duration − 1 and returns once every one sent has finished.</summary>
    /// <param name="arrival">Gets the arrival's index and a function telling how long ago it was due (its latency, when
    /// called at its end). An exception from an arrival is rethrown once all have finished.</param>
    public static async Task RunAsync(double ratePerSecond, TimeSpan duration, IDropCounter drops,
        Func<long, Func<TimeSpan>, Task> arrival, CancellationToken ct, int maxInFlight = DefaultMaxInFlight)
    {
        var clock = Stopwatch.StartNew();
        var count = (long)(ratePerSecond * duration.TotalSeconds);
        // The loop itself counts as one in flight until it has sent the last arrival, so "all done" fires only after.
        var inFlight = 1;
        var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ExceptionDispatchInfo? failure = null;
        void Finished()
        {
            if (Interlocked.Decrement(ref inFlight) == 0) allDone.TrySetResult();
        }

        for (var i = 0L; i < count && !ct.IsCancellationRequested; i++)
        {
            var due = TimeSpan.FromSeconds(i / ratePerSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait, ct);
            if (Volatile.Read(ref inFlight) - 1 >= maxInFlight)
            {
                drops.Dropped(i);
                continue;
            }
            Interlocked.Increment(ref inFlight);
            var index = i;
            _ = Task.Run(async () =>
            {
                try { await arrival(index, () => clock.Elapsed - due); }
                catch (Exception e) { Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null); }
                finally { Finished(); }
            }, CancellationToken.None);
        }
        Finished();
        await allDone.Task;
        failure?.Throw();
    }
}
