using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using FastBooking.LoadTests;

// Runs each scenario in turn: --concurrency workers until --requests are done or --seconds have passed,
// then prints latency percentiles and status counts.
var options = Options.Parse(args);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency }) { BaseAddress = options.BaseUrl };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
var scenarios = await Scenarios.LoadAsync(http, options);

Console.WriteLine($"FastBooking load: {options.BaseUrl} concurrency={options.Concurrency} requests<={options.Requests} seconds<={options.Seconds} seed={options.Seed}");
foreach (var name in options.Scenarios)
{
    var run = scenarios.For(name);
    // Seeds differ per scenario, so that one scenario does not replay the choices (and bookings) of another.
    var seed = name.Aggregate(options.Seed, (h, c) => h * 31 + c);
    // Warm-up: the JIT tiers hot methods up only after some hundreds of calls; pools and caches fill meanwhile.
    var warmUp = name.StartsWith("availability") ? 400 : 50;
    for (var w = 0; w < warmUp; w++) await run(new Random(seed - w));

    var latencies = new ConcurrentBag<double>();
    var statuses = new ConcurrentDictionary<int, int>();
    var remaining = options.Requests;
    var deadline = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, options.Concurrency).Select(async worker =>
    {
        var rng = new Random(seed + worker);
        while (Interlocked.Decrement(ref remaining) >= 0 && deadline.Elapsed.TotalSeconds < options.Seconds)
        {
            var started = Stopwatch.GetTimestamp();
            int status;
            try { status = await run(rng); }
            catch (HttpRequestException) { status = 0; }
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        }
    });
    await Task.WhenAll(workers);
    var elapsed = deadline.Elapsed.TotalSeconds;
    var sorted = latencies.Order().ToArray();
    double P(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    Console.WriteLine(
        $"{name,-22} n={sorted.Length,6} rps={sorted.Length / elapsed,8:F0}  p50={P(0.50),7:F2} ms  p95={P(0.95),7:F2} ms  p99={P(0.99),7:F2} ms  max={P(1),7:F2} ms  " +
        $"status: {string.Join(' ', statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}x{s.Value}"))}");
}
