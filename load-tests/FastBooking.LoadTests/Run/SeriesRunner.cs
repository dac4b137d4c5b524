using System.Diagnostics;
using FastBooking.Faults.Load;

namespace FastBooking.LoadTests.Run;

/// <summary>Runs one series open loop at one rate, with a progress line a second on stderr, and returns its figures.</summary>
public sealed class SeriesRunner(Options options, TextWriter progress)
{
    public async Task<SeriesResult> RunAsync(ISeries series, SeriesPlan plan, CancellationToken ct)
    {
        var run = await series.StartAsync(plan, ct);
        var recorder = new SeriesRecorder(plan);
        var seed = Seeds.Of(options.Seed, plan.Title, plan.Rate);
        var clock = Stopwatch.StartNew();
        using var stopProgress = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var ticker = TickAsync(plan, recorder, clock, stopProgress.Token);

        await OpenLoop.RunAsync(plan.Rate, TimeSpan.FromSeconds(plan.WarmupSeconds + plan.Seconds), recorder, async (index, sinceDue) =>
        {
            recorder.Sent(index, sinceDue());
            var exchange = new Exchange(series.Http, recorder, recorder.IsMeasured(index), options.Timeout);
            var operation = plan.Series;
            Exception? failure = null;
            try { operation = await run.ArriveAsync(index, new Random(Seeds.Of(seed, index)), exchange); }
            catch (Exception e) { failure = e; }
            recorder.Finished(index, operation, exchange, sinceDue(), failure);
        }, ct, options.MaxInFlight);

        await stopProgress.CancelAsync();
        await ticker;
        return recorder.Result(run.Notes());
    }

    private async Task TickAsync(SeriesPlan plan, SeriesRecorder recorder, Stopwatch clock, CancellationToken ct)
    {
        await progress.WriteLineAsync($"[{plan.Title} @ {plan.Rate:F0}/s] {plan.WarmupSeconds} s warm-up + {plan.Seconds} s measured");
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(ct)) await progress.WriteLineAsync($"  [{plan.Title}] {recorder.Progress(clock.Elapsed)}");
        }
        catch (OperationCanceledException) { }
    }
}

/// <summary>Deterministic seeds (string.GetHashCode differs per process): the same --seed repeats a run's choices.</summary>
public static class Seeds
{
    public static int Of(int seed, string name, double rate) =>
        Of(name.Aggregate(seed, (h, c) => unchecked(h * 31 + c)), (long)(rate * 1000));

    /// <summary>A SplitMix64 step of the seed and the index: neighbouring arrivals get unrelated choices.</summary>
    public static int Of(int seed, long index)
    {
        var z = unchecked((ulong)seed * 0xD1B54A32D192ED03UL + (ulong)(index + 1) * 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }
}
