using System.Globalization;
using System.Net;
using Npgsql;

namespace FastBooking.LoadTests;

/// <summary>The command line (every option is described in README.md). Values are clamped to bounded ranges.</summary>
/// <param name="Series">Only these series of the scenarios (availability's sub-series, floor's hello/fixed); null: all.</param>
/// <param name="Seed">Repeat a run's random choices with its seed; by default each run picks a new one (so bookings do
/// not replay the last run's, which are taken by now).</param>
public sealed record Options(
    Uri BaseUrl, string ApiKey, IReadOnlyList<string> Scenarios, IReadOnlyList<string>? Series,
    double Rate, int Seconds, int WarmupSeconds, int Days, string? ServiceId, int Seed,
    int MaxInFlight, int TimeoutSeconds, string? JsonPath, string? Postgres,
    bool FindSaturation, double P95Ms, double StepFactor, double StepAdd, int MaxSteps, int SaturationBudgetSeconds,
    bool Revalidate, int StormSlots, int FixedBytes)
{
    public static readonly string[] KnownScenarios = ["availability", "booking", "hold-and-book", "salon-day", "storm", "floor"];

    private static readonly string[] Flags = ["--find-saturation", "--revalidate", "--help"];

    private static readonly string[] Valued =
    [
        "--base-url", "--api-key", "--scenario", "--series", "--rate", "--seconds", "--warmup-seconds", "--days",
        "--service-id", "--seed", "--max-in-flight", "--timeout-seconds", "--json", "--postgres", "--p95-ms",
        "--step-factor", "--step-add", "--max-steps", "--saturation-budget-seconds", "--storm-slots", "--fixed-bytes",
    ];

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public static bool WantsHelp(string[] args) => args.Contains("--help") || args.Contains("-h");

    public static Options Parse(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (Flags.Contains(args[i])) continue;
            if (!Valued.Contains(args[i])) throw new ArgumentException($"Unknown option {args[i]} (see --help).");
            if (++i >= args.Length) throw new ArgumentException($"{args[i - 1]} needs a value.");
        }
        string? Arg(string name)
        {
            var i = Array.LastIndexOf(args, name);
            return i >= 0 ? args[i + 1] : null;
        }
        double Number(string name, double fallback, double min, double max) =>
            Math.Clamp(Arg(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback, min, max);
        int Integer(string name, int fallback, int min, int max) => (int)Number(name, fallback, min, max);

        var baseUrl = new Uri(Arg("--base-url") ?? "http://127.0.0.1:8080");
        if (!baseUrl.IsLoopback) throw new ArgumentException("Load is only ever sent to a loopback address.");
        var scenarios = (Arg("--scenario") ?? "availability,booking").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (scenarios.FirstOrDefault(s => !KnownScenarios.Contains(s)) is { } unknown)
            throw new ArgumentException($"Unknown scenario {unknown}; known: {string.Join(", ", KnownScenarios)}.");
        var postgres = Arg("--postgres");
        if (postgres is not null) RequireLoopback(postgres);

        return new Options(
            baseUrl,
            Arg("--api-key") ?? "demo-salon-key",
            scenarios,
            Arg("--series")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Number("--rate", 100, 1, 20_000),
            Integer("--seconds", 10, 1, 600),
            Integer("--warmup-seconds", 5, 0, 120),
            Integer("--days", 7, 1, 31),
            Arg("--service-id"),
            int.Parse(Arg("--seed") ?? Random.Shared.Next(1, 1_000_000).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            Integer("--max-in-flight", 1000, 1, 10_000),
            Integer("--timeout-seconds", 10, 1, 60),
            Arg("--json"),
            postgres,
            args.Contains("--find-saturation"),
            Number("--p95-ms", 10, 0.1, 10_000),
            Number("--step-factor", 1.25, 1.01, 4),
            Number("--step-add", 0, 0, 10_000),
            Integer("--max-steps", 15, 1, 15),
            Integer("--saturation-budget-seconds", 180, 10, 1800),
            args.Contains("--revalidate"),
            Integer("--storm-slots", 5, 1, 100),
            Integer("--fixed-bytes", 178_000, 1, 16 * 1024 * 1024));
    }

    /// <summary>The overlap query goes to a loopback PostgreSQL only, like the load.</summary>
    private static void RequireLoopback(string connectionString)
    {
        var hosts = new NpgsqlConnectionStringBuilder(connectionString).Host?.Split(',') ?? [];
        foreach (var host in hosts.Select(h => h.Trim()))
        {
            var loopback = host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
            if (!loopback) throw new ArgumentException($"--postgres: host {host} is not a loopback address.");
        }
        if (hosts.Length == 0) throw new ArgumentException("--postgres: the connection string names no Host.");
    }

    public const string Usage = """
        FastBooking open-loop load tool (see load-tests/FastBooking.LoadTests/README.md)
          --scenario a,b,...      availability, booking, hold-and-book, salon-day, storm, floor (default availability,booking)
          --series a,b,...        only these sub-series (e.g. full-redis-uncached,full-postgres-uncached; hello,fixed)
          --rate N                arrivals per second (default 100)          --seconds S         measured seconds (default 10)
          --warmup-seconds W      sent first, not counted (default 5)       --days D            availability/booking days (default 7)
          --base-url URL          loopback only (default http://127.0.0.1:8080)   --api-key KEY (default demo-salon-key)
          --service-id ID         availability/storm service (default: the salon's first)   --seed N
          --max-in-flight N       arrivals beyond this many waiting are dropped (default 1000)
          --timeout-seconds T     per request (default 10)                  --json PATH         JSON summary
          --postgres "CONN"       at the end, count overlapping confirmed appointments (loopback only)
          --find-saturation       step the rate up: --p95-ms (10), --step-factor (1.25) or --step-add N, --max-steps (15),
                                  --saturation-budget-seconds (180, per series)
          --revalidate            availability: add a series sending If-None-Match (304s)
          --storm-slots N         storm: hot slots per second (default 5)   --fixed-bytes N     floor /fixed body (178000)
        """;
}
