using System.Text;
using FastBooking.Faults.Load;

namespace FastBooking.LoadTests.Run;

/// <summary>One run of a series: <paramref name="Rate"/> arrivals a second for warm-up + measured seconds.</summary>
public sealed record SeriesPlan(string Scenario, string Series, double Rate, int Seconds, int WarmupSeconds)
{
    public string Title => TitleOf(Scenario, Series);

    /// <summary>"availability/full-redis-cached", or "booking" for a scenario's only series.</summary>
    public static string TitleOf(string scenario, string series) => scenario == series ? scenario : $"{scenario}/{series}";
}

/// <summary>
/// The figures of one run, over the measured arrivals only. <paramref name="Answered"/>: arrivals whose every request
/// got an answer (any status); <paramref name="AchievedRate"/>: those per second of the measured window (longer when
/// answers came after it). Latencies are from each arrival's scheduled send to its last answer, timeouts included;
/// <paramref name="SendLag"/> is the part of them before the arrival even started (the generator or the machine busy).
/// </summary>
public sealed record SeriesResult(
    string Scenario, string Series, double TargetRate, int Seconds, int WarmupSeconds,
    long Arrivals, long Answered, long Dropped, long Timeouts, long NoAnswer, long ServerErrors, long Exceptions,
    double AchievedRate, Percentiles Latency, Percentiles SendLag, IReadOnlyDictionary<string, Percentiles>? Operations,
    IReadOnlyDictionary<string, long> Outcomes, IReadOnlyDictionary<string, long> ServedBy, double? MeanBodyBytes,
    IReadOnlyList<string> Notes)
{
    /// <summary>Arrivals that went wrong: no answer in time, no answer at all, a 5xx, an exception in the tool.</summary>
    public long Errors => Timeouts + NoAnswer + ServerErrors + Exceptions;

    /// <summary>The engine kept up with the rate: achieved ≥ 95 % of it, errors and drops together &lt; 1 % of the arrivals.</summary>
    public bool KeptUp => AchievedRate >= 0.95 * TargetRate && Errors + Dropped < 0.01 * Math.Max(1, Arrivals);

    /// <summary>Kept up, and its p95 stays within the bound: what --find-saturation asks of a step.</summary>
    public bool Passes(double p95Bound) => KeptUp && Latency.Count > 0 && Latency.P95 <= p95Bound;

    /// <summary>Why a step did not pass, for the saturation report.</summary>
    public string Shortfall(double p95Bound) => string.Join("; ", new[]
    {
        Latency.P95 > p95Bound ? $"p95 {Latency.P95:F1} ms > {p95Bound:F1} ms" : null,
        AchievedRate < 0.95 * TargetRate ? $"achieved {AchievedRate:F0}/s < 95 % of {TargetRate:F0}/s" : null,
        Errors + Dropped >= 0.01 * Math.Max(1, Arrivals) ? $"errors + drops {Errors + Dropped} ≥ 1 % of {Arrivals}" : null,
    }.Where(s => s is not null));

    /// <summary>The lines printed for the run: the figures, then its outcomes and any notes.</summary>
    public string Describe()
    {
        var text = new StringBuilder($"{SeriesPlan.TitleOf(Scenario, Series),-34}")
            .Append($" target {TargetRate,7:F0}/s  achieved {AchievedRate,7:F1}/s  n {Latency.Count,6}  {Figures(Latency)}")
            .Append($"  dropped {Dropped}  timeouts {Timeouts}  errors {Errors}");
        text.Append($"  send lag p95 {SendLag.P95:F2} ms");
        if (MeanBodyBytes is { } bytes) text.Append(bytes < 1000 ? $"  {bytes:F0} B/answer" : $"  {bytes / 1000:F1} kB/answer");
        if (ServedBy.Count > 0) text.Append("  served-by ").Append(string.Join(' ', ServedBy.Select(s => $"{s.Key}×{s.Value}")));
        text.AppendLine().Append("    codes: ").Append(string.Join(", ", Outcomes.Select(o => $"{o.Key}×{o.Value}")));
        foreach (var (operation, latency) in Operations ?? new Dictionary<string, Percentiles>())
            text.AppendLine().Append($"    {operation,-24} n {latency.Count,6}  {Figures(latency)}");
        foreach (var note in Notes) text.AppendLine().Append("    ").Append(note);
        return text.ToString();
    }

    private static string Figures(Percentiles p) =>
        $"p50 {p.P50,7:F2}  p95 {p.P95,7:F2}  p99 {p.P99,7:F2}  max {p.Max,8:F2} ms";
}
