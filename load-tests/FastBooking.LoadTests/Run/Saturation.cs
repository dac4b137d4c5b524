using System.Diagnostics;

namespace FastBooking.LoadTests.Run;

/// <summary>
/// What --find-saturation found for one series: the highest rate stepped to whose run passed (p95 within the bound,
/// achieved ≥ 95 % of the rate, errors and drops &lt; 1 %), null when the first step failed already.
/// </summary>
public sealed record SaturationResult(string Scenario, string Series, double P95BoundMs, double? HighestPassingRate, string StoppedBecause, IReadOnlyList<SeriesResult> Steps)
{
    public string Describe() => HighestPassingRate is { } rate
        ? $"saturation {Title}: {rate:F0} req/s with p95 ≤ {P95BoundMs:F1} ms (stopped: {StoppedBecause})"
        : $"saturation {Title}: not even the first step passed (stopped: {StoppedBecause})";

    private string Title => SeriesPlan.TitleOf(Scenario, Series);
}

/// <summary>Steps the rate up from --rate, ×--step-factor (or +--step-add), until a step fails or the bounds end it.</summary>
public sealed class Saturation(Options options, SeriesRunner runner, TextWriter progress)
{
    /// <param name="stepped">Told of each step's figures as soon as it ended.</param>
    public async Task<SaturationResult> FindAsync(string scenario, ISeries series, Action<SeriesResult> stepped, CancellationToken ct)
    {
        var steps = new List<SeriesResult>();
        var clock = Stopwatch.StartNew();
        double? best = null;
        var rate = options.Rate;
        var stopped = $"step limit ({options.MaxSteps})";
        for (var step = 0; step < options.MaxSteps; step++)
        {
            // The first step warms the engine up; later ones only let the new rate settle.
            var warmUp = step == 0 ? options.WarmupSeconds : Math.Min(options.WarmupSeconds, 1);
            if (step > 0 && clock.Elapsed.TotalSeconds + warmUp + options.Seconds > options.SaturationBudgetSeconds)
            {
                stopped = $"time budget ({options.SaturationBudgetSeconds} s)";
                break;
            }
            var result = await runner.RunAsync(series, new SeriesPlan(scenario, series.Name, rate, options.Seconds, warmUp), ct);
            steps.Add(result);
            stepped(result);
            var passed = result.Passes(options.P95Ms);
            await progress.WriteLineAsync($"  step {step + 1}: {rate:F0}/s → achieved {result.AchievedRate:F0}/s, p95 {result.Latency.P95:F1} ms: " +
                                          (passed ? "passed" : $"failed ({result.Shortfall(options.P95Ms)})"));
            if (!passed)
            {
                stopped = $"{rate:F0}/s failed: {result.Shortfall(options.P95Ms)}";
                break;
            }
            best = rate;
            rate = options.StepAdd > 0 ? rate + options.StepAdd : rate * options.StepFactor;
            if (rate > 20_000)
            {
                stopped = "rate limit of the tool (20,000/s)";
                break;
            }
        }
        return new SaturationResult(scenario, series.Name, options.P95Ms, best, stopped, steps);
    }
}

/// <summary>A scenario's figures: each series at --rate, or (with --find-saturation) each series' search.</summary>
public sealed record ScenarioResult(string Name, IReadOnlyList<SeriesResult> Series, IReadOnlyList<SaturationResult> Saturation)
{
    public IReadOnlyList<string> Conclusions { get; init; } = [];
}
