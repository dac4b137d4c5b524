using System.Collections.Concurrent;
using FastBooking.Faults.Api;

namespace FastBooking.Faults.Load;

/// <summary>
/// Every answer a scenario got, by operation and outcome ("book → 409 slot_taken"), with the latencies of the load and
/// the two things that are failures whatever the scenario: a 500, and a 503 without <c>Retry-After</c>.
/// </summary>
public sealed class Tally : IDropCounter
{
    private readonly ConcurrentDictionary<(string Operation, string Outcome), int> _outcomes = new();
    private readonly ConcurrentDictionary<string, Latencies> _latencies = new();
    private readonly ConcurrentQueue<string> _serverErrors = new();
    private int _unavailable;
    private int _unavailableWithoutRetryAfter;
    private int _dropped;

    public Answer Record(string operation, Answer answer)
    {
        _outcomes.AddOrUpdate((operation, answer.Outcome), 1, (_, n) => n + 1);
        if (answer.Status == 503)
        {
            Interlocked.Increment(ref _unavailable);
            if (!answer.HasRetryAfter) Interlocked.Increment(ref _unavailableWithoutRetryAfter);
        }
        if (answer.Status >= 500 && answer.Status != 503 && _serverErrors.Count < 5) _serverErrors.Enqueue($"{operation}: {answer.Status} {answer.Body}");
        return answer;
    }

    /// <summary>Latency measured from when the request was due to be sent (open loop), not from when it was sent.</summary>
    public void Latency(string operation, TimeSpan sinceDue) =>
        _latencies.GetOrAdd(operation, _ => new Latencies()).Add(sinceDue);

    /// <summary>An arrival not sent because too many requests were already waiting: the generator, not the engine, gave up.</summary>
    public void Dropped(long index) => Interlocked.Increment(ref _dropped);

    public int Count(string outcome) => _outcomes.Where(o => o.Key.Outcome == outcome).Sum(o => o.Value);
    public int CountStatus(int status) => _outcomes.Where(o => o.Key.Outcome.StartsWith(status.ToString(), StringComparison.Ordinal)).Sum(o => o.Value);
    public int Total => _outcomes.Values.Sum();
    public int Unavailable => _unavailable;
    public int UnavailableWithoutRetryAfter => _unavailableWithoutRetryAfter;
    public int DroppedCount => _dropped;
    public IEnumerable<string> ServerErrorSamples => _serverErrors;

    /// <summary>"201×812, 409 slot_taken×30, …", most frequent first.</summary>
    public string Outcomes(string? operation = null) => string.Join(", ", _outcomes
        .Where(o => operation is null || o.Key.Operation == operation)
        .GroupBy(o => o.Key.Outcome, o => o.Value)
        .Select(g => (Outcome: g.Key, Count: g.Sum()))
        .OrderByDescending(g => g.Count)
        .Select(g => $"{g.Outcome}×{g.Count}"));

    public IEnumerable<string> Operations => _outcomes.Keys.Select(k => k.Operation).Distinct().Order();

    /// <summary>"n=1200 p50=3.1 p99=41.0 max=230.4 ms" for one operation of the load.</summary>
    public string LatencySummary(string operation)
    {
        if (!_latencies.TryGetValue(operation, out var latencies) || latencies.Count == 0) return "";
        var p = latencies.Percentiles();
        return $"p50={p.P50:F1} p99={p.P99:F1} max={p.Max:F1} ms";
    }
}
