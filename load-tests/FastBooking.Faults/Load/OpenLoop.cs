using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

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
        // The pacer counts as one in flight until it has sent the last arrival, so "all done" fires only after that.
        var inFlight = 1;
        var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ExceptionDispatchInfo? failure = null;
        void Finished()
        {
            if (Interlocked.Decrement(ref inFlight) == 0) allDone.TrySetResult();
        }

        // A thread of its own paces the arrivals, never early: on a busy 2-core machine an awaited timer wakes 3 ms late
        // (p95; 1 ms at p50), a thread waiting whole milliseconds ~1 ms (0.6), one sleeping to the microsecond 0.2–1 ms (0.1).
        var pacer = new Thread(() =>
        {
            try
            {
                for (var i = 0L; i < count && !ct.IsCancellationRequested; i++)
                {
                    var due = TimeSpan.FromSeconds(i / ratePerSecond);
                    var wait = due - clock.Elapsed;
                    if (wait > TimeSpan.Zero && Pause(wait, ct)) break;
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
            }
            catch (Exception e) { Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null); }
            finally { Finished(); }
        }) { IsBackground = true, Name = "open-loop pacer" };
        pacer.Start();
        await allDone.Task;
        failure?.Throw();
        ct.ThrowIfCancellationRequested();
    }

    /// <summary>Waits <paramref name="wait"/> (rounded up), in slices short enough to notice a cancellation; true when cancelled.</summary>
    private static bool Pause(TimeSpan wait, CancellationToken ct)
    {
        if (!OperatingSystem.IsLinux()) return ct.WaitHandle.WaitOne((int)Math.Ceiling(wait.TotalMilliseconds));
        for (var left = wait; left > TimeSpan.Zero && !ct.IsCancellationRequested; left -= MaxSleep)
            _ = usleep((uint)Math.Ceiling(Math.Min(left.TotalMicroseconds, MaxSleep.TotalMicroseconds)));
        return ct.IsCancellationRequested;
    }

    private static readonly TimeSpan MaxSleep = TimeSpan.FromMilliseconds(100);

    [DllImport("libc", SetLastError = false)]
    private static extern int usleep(uint microseconds);
}
