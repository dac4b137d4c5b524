namespace FastBooking.LoadTests;

/// <summary>Command-line options: --base-url, --api-key, --scenario, --requests, --seconds, --concurrency, --days, --seed.</summary>
/// <param name="Seed">Repeat a run's random choices with its seed; by default each run picks a new one (so bookings do
/// not replay the last run's, which are taken by now).</param>
public sealed record Options(Uri BaseUrl, string ApiKey, string[] Scenarios, int Requests, int Seconds, int Concurrency, int Days, int Seed)
{
    public static Options Parse(string[] args)
    {
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var baseUrl = new Uri(Arg("--base-url", "http://localhost:8080"));
        if (!baseUrl.IsLoopback) throw new ArgumentException("Load is only ever sent to a loopback address.");
        return new Options(
            baseUrl,
            Arg("--api-key", "demo-salon-key"),
            Arg("--scenario", "availability-redis,availability-postgres,booking,hold-and-book").Split(','),
            Math.Clamp(int.Parse(Arg("--requests", "2000")), 1, 200_000),
            Math.Clamp(int.Parse(Arg("--seconds", "30")), 1, 600),
            Math.Clamp(int.Parse(Arg("--concurrency", "8")), 1, 256),
            Math.Clamp(int.Parse(Arg("--days", "14")), 1, 31),
            int.Parse(Arg("--seed", Random.Shared.Next(1, 1_000_000).ToString())));
    }
}
