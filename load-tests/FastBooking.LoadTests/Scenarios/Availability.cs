using FastBooking.LoadTests.Run;

namespace FastBooking.LoadTests.Scenarios;

/// <summary>
/// Any-staff availability of one service over --days days, as sub-series one after the other at the same rate: the
/// full view cached and uncached (<c>Cache-Control: no-cache</c> makes the engine recompute) on the Redis path, the
/// times view uncached and cached, the full view on the PostgreSQL path uncached, and with --revalidate the full view
/// revalidated (If-None-Match → 304). Ends with the Redis/PostgreSQL ratio of the uncached full view.
/// </summary>
public static class Availability
{
    public const string RedisUncached = "full-redis-uncached";
    public const string PostgresUncached = "full-postgres-uncached";

    public static Scenario Create(HttpClient http, Salon salon, Options options)
    {
        var id = salon.Focus.Id;
        var series = new List<ISeries>
        {
            new GetSeries("full-redis-cached", http, "availability", salon.AvailabilityPath(id), noCache: false),
            new GetSeries(RedisUncached, http, "availability", salon.AvailabilityPath(id, source: "redis"), noCache: true),
            new GetSeries("times-redis-uncached", http, "availability", salon.AvailabilityPath(id, view: "times", source: "redis"), noCache: true),
            new GetSeries("times-redis-cached", http, "availability", salon.AvailabilityPath(id, view: "times"), noCache: false),
            new GetSeries(PostgresUncached, http, "availability", salon.AvailabilityPath(id, source: "postgres"), noCache: true),
        };
        if (options.Revalidate) series.Add(new Revalidate("full-redis-revalidate", http, salon.AvailabilityPath(id)));
        return new Scenario("availability", series, Ratio);
    }

    /// <summary>The full view revalidated: each run first reads the answer's ETag, then every arrival sends it back.</summary>
    private sealed class Revalidate(string name, HttpClient http, string path) : ISeries
    {
        public string Name => name;
        public HttpClient Http => http;

        public async Task<IRun> StartAsync(SeriesPlan plan, CancellationToken ct)
        {
            using var response = await http.GetAsync(path, ct);
            return new Run(path, response.Headers.ETag?.ToString());
        }

        private sealed class Run(string path, string? etag) : IRun
        {
            public async Task<string> ArriveAsync(long index, Random random, Exchange exchange)
            {
                await exchange.GetAsync("availability", path, ifNoneMatch: etag);
                return "full-redis-revalidate";
            }

            public IReadOnlyList<string> Notes() =>
                [etag is null ? "the engine sent no ETag: these were plain cached reads" : $"If-None-Match: {etag}"];
        }
    }

    /// <summary>
    /// Redis/PostgreSQL, uncached full view: by saturation rate when searched; otherwise, at the one rate both ran at,
    /// by p50 when both kept up, and by achieved rate when one did not (then it is the saturation of that one).
    /// </summary>
    private static IEnumerable<string> Ratio(ScenarioResult result)
    {
        var redisSearch = result.Saturation.FirstOrDefault(s => s.Series == RedisUncached);
        var postgresSearch = result.Saturation.FirstOrDefault(s => s.Series == PostgresUncached);
        if (redisSearch is { HighestPassingRate: { } redisRate } && postgresSearch is { HighestPassingRate: { } postgresRate })
        {
            yield return $"Redis/PostgreSQL ratio (full view, uncached), by saturation rate at p95 ≤ {redisSearch.P95BoundMs:F1} ms: " +
                         $"{redisRate:F0} / {postgresRate:F0} req/s = {redisRate / postgresRate:F2}×";
            yield break;
        }
        if (redisSearch is not null && postgresSearch is not null)
        {
            var failed = redisSearch.HighestPassingRate is null ? redisSearch.Series : postgresSearch.Series;
            yield return $"Redis/PostgreSQL ratio: none, {failed} failed its first step already (lower --rate)";
            yield break;
        }
        var redis = result.Series.FirstOrDefault(s => s.Series == RedisUncached);
        var postgres = result.Series.FirstOrDefault(s => s.Series == PostgresUncached);
        if (redis is null || postgres is null || redis.Latency.Count == 0 || postgres.Latency.Count == 0) yield break;
        if (redis.KeptUp && postgres.KeptUp)
        {
            yield return $"Redis/PostgreSQL ratio (full view, uncached), by p50 at the equal rate {redis.TargetRate:F0}/s (both kept up): " +
                         $"PostgreSQL p50 {postgres.Latency.P50:F2} ms / Redis p50 {redis.Latency.P50:F2} ms = {postgres.Latency.P50 / redis.Latency.P50:F2}×";
            yield break;
        }
        var which = (redis.KeptUp, postgres.KeptUp) switch
        {
            (false, false) => $"both saturated below {redis.TargetRate:F0}/s",
            (true, _) => $"PostgreSQL saturated below {redis.TargetRate:F0}/s, Redis kept up: a lower bound",
            _ => $"Redis saturated below {redis.TargetRate:F0}/s, PostgreSQL kept up: an upper bound",
        };
        yield return $"Redis/PostgreSQL ratio (full view, uncached), by achieved rate ({which}): " +
                     $"{redis.AchievedRate:F0} / {postgres.AchievedRate:F0} req/s = {redis.AchievedRate / Math.Max(0.001, postgres.AchievedRate):F2}×";
    }
}
