using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using FastBooking.Faults.Rig;

namespace FastBooking.Faults.Checks;

/// <summary>
/// Samples the projector's state through a scenario: every 500 ms each live instance's <c>GET /health/ready</c> (its
/// <c>readModel</c> object is read tolerantly: any field may be missing), and the outbox lag as PostgreSQL's newest
/// outbox id minus the position the projector stored in Redis.
/// </summary>
public sealed class ReadinessWatch(FaultRig rig) : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private sealed record Sample(TimeSpan At, string Instance, int Status, long? Lag, bool? Current, string? Leader);

    private readonly ConcurrentQueue<Sample> _samples = new();
    private readonly ConcurrentQueue<(TimeSpan At, long Lag)> _outboxLag = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private Task? _running;

    public TimeSpan Now => _clock.Elapsed;

    public ReadinessWatch Start()
    {
        _running = Task.Run(() => LoopAsync(_stop.Token));
        return this;
    }

    /// <summary>The outbox lag now (head − stored position), or null when either side does not answer.</summary>
    public static async Task<long?> OutboxLagAsync(FaultRig rig, CancellationToken ct)
    {
        if (await StoredPositionAsync(rig) is not { } position) return null;
        try { return Math.Max(0, await OutboxHeadAsync(rig, ct) - position); }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException) { return null; }
    }

    public static Task<long> OutboxHeadAsync(FaultRig rig, CancellationToken ct) =>
        rig.Postgres.ScalarAsync<long>("SELECT coalesce(max(id), 0) FROM outbox", ct);

    /// <summary>The last outbox id the projector stored in Redis as applied, or null when there is none to read.</summary>
    public static async Task<long?> StoredPositionAsync(FaultRig rig) =>
        await rig.Redis.HashGetAsync(rig.ProjectorStateKey, "position") is { } stored && long.TryParse(stored, out var position) ? position : null;

    /// <summary>The <c>readModel.position</c> an instance reports, or null when it does not.</summary>
    public static async Task<long?> ReportedPositionAsync(EngineInstance instance, CancellationToken ct) => (await ReadAsync(instance, ct)).Position;

    private async Task LoopAsync(CancellationToken ct)
    {
        try
        {
            for (var tick = 0; !ct.IsCancellationRequested; tick++)
            {
                foreach (var instance in rig.Live.ToList())
                {
                    var (status, lag, current, leader, _) = await ReadAsync(instance, ct);
                    _samples.Enqueue(new Sample(Now, instance.Name, status, lag, current, leader));
                }
                if (tick % 2 == 0 && await OutboxLagAsync(rig, ct) is { } outboxLag) _outboxLag.Enqueue((Now, outboxLag));
                await Task.Delay(Interval, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped by DisposeAsync, possibly in the middle of a sample.
        }
    }

    private static async Task<(int Status, long? Lag, bool? Current, string? Leader, long? Position)> ReadAsync(EngineInstance instance, CancellationToken ct)
    {
        try
        {
            using var answer = await Http.GetAsync(new Uri(instance.BaseUrl, "health/ready"), ct);
            var readModel = JsonNode.Parse(await answer.Content.ReadAsStringAsync(ct))?["readModel"];
            return ((int)answer.StatusCode, Number(readModel?["lag"]), readModel?["current"]?.GetValue<bool>(), readModel?["leader"]?.ToString(),
                Number(readModel?["position"]));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or InvalidOperationException
                                  && !ct.IsCancellationRequested)
        {
            return (0, null, null, null, null);
        }
    }

    private static long? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;

    /// <summary>Figures: max lag (reported and measured), when every instance reported current again after the fault, who led.</summary>
    public void Report(TimeSpan faultEnded, ScenarioReport report)
    {
        var samples = _samples.ToList();
        var reported = samples.Where(s => s.Lag is not null).ToList();
        report.Figure("projector lag reported by /health/ready (max)", reported.Count == 0 ? "unavailable (no readModel.lag field)" : $"{reported.Max(s => s.Lag)} rows");
        report.Figure("outbox lag, PostgreSQL head − Redis position (max)", _outboxLag.IsEmpty ? "unavailable" : $"{_outboxLag.Max(l => l.Lag)} rows");
        var withCurrent = samples.Where(s => s.Current is not null).ToList();
        if (withCurrent.Count == 0) report.Figure("read model current again after the fault", "unavailable (no readModel.current field)");
        else
        {
            var lastNotCurrent = withCurrent.Where(s => s.Current == false).Select(s => s.At).DefaultIfEmpty(TimeSpan.Zero).Max();
            report.Figure("read model current again after the fault",
                lastNotCurrent <= faultEnded ? "at once" : $"{Seconds.Of(lastNotCurrent - faultEnded)} (last sample not current at {Seconds.Of(lastNotCurrent)})");
        }
        var leaders = samples.Select(s => s.Leader).Where(l => l is not null).Distinct().ToList();
        if (leaders.Count > 0) report.Figure("projector leaders seen", string.Join(", ", leaders));
        var notReady = samples.Where(s => s.Status != 200).GroupBy(s => s.Instance)
            .Select(g => $"{g.Key}: {g.Count()} of {samples.Count(s => s.Instance == g.Key)} samples").ToList();
        report.Figure("/health/ready not 200", notReady.Count == 0 ? "never" : string.Join("; ", notReady));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null) await _running;
        _stop.Dispose();
    }
}
