using System.Net;
using System.Net.Http.Headers;
using FastBooking.LoadTests;
using FastBooking.LoadTests.Run;
using FastBooking.LoadTests.Scenarios;

// Open loop: each series of each scenario in turn at --rate (or stepped up with --find-saturation), progress on
// stderr, figures on stdout, then the overlap count (--postgres) and the JSON summary (--json).
if (Options.WantsHelp(args))
{
    Console.WriteLine(Options.Usage);
    return 0;
}
Options options;
try { options = Options.Parse(args); }
catch (Exception e) when (e is ArgumentException or FormatException)
{
    await Console.Error.WriteLineAsync($"{e.Message}\n\n{Options.Usage}");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var ct = cancel.Token;
var started = DateTimeOffset.UtcNow;
Console.WriteLine($"FastBooking load, open loop: {options.BaseUrl} rate {options.Rate:F0}/s, {options.WarmupSeconds} s warm-up + {options.Seconds} s a series, " +
                  $"≤ {options.MaxInFlight} in flight, timeout {options.TimeoutSeconds} s, seed {options.Seed}" +
                  (options.FindSaturation ? $"; finding saturation at p95 ≤ {options.P95Ms} ms" : ""));

using var engine = options.Scenarios.Any(s => s != "floor") ? Client(options.BaseUrl, options.ApiKey) : null;
Salon? salon;
try { salon = engine is null ? null : await Salon.LoadAsync(engine, options, ct); }
catch (HttpRequestException e)
{
    await Console.Error.WriteLineAsync($"The engine at {options.BaseUrl} did not list its services and staff: {e.Message}");
    return 1;
}
var runner = new SeriesRunner(options, Console.Error);
var saturation = new Saturation(options, runner, Console.Error);
var results = new List<ScenarioResult>();
try
{
    foreach (var name in options.Scenarios)
    {
        await using var floor = name == "floor" ? await Floor.StartAsync(options, address => Client(address, null)) : null;
        var scenario = name switch
        {
            "availability" => Availability.Create(engine!, salon!, options),
            "booking" => Booking.Create(engine!, salon!),
            "hold-and-book" => Booking.CreateHoldAndBook(engine!, salon!),
            "salon-day" => SalonDay.Create(engine!, salon!),
            "storm" => Storm.Create(engine!, salon!, options),
            _ => floor!.Scenario,
        };
        // --series picks among the sub-series of a scenario that has several; a scenario of one series always runs.
        var series = scenario.Series.Count == 1 || options.Series is null
            ? scenario.Series
            : scenario.Series.Where(s => options.Series.Contains(s.Name)).ToList();
        if (series.Count == 0) Console.WriteLine($"{name}: no series named by --series (it has {string.Join(", ", scenario.Series.Select(s => s.Name))})");

        var runs = new List<SeriesResult>();
        var searches = new List<SaturationResult>();
        foreach (var one in series)
        {
            try { await RunSeriesAsync(scenario, one, runs, searches); }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
            {
                // A series that cannot start (its set-up read refused, no free slot left) is reported; the others run.
                Console.WriteLine($"{SeriesPlan.TitleOf(scenario.Name, one.Name)}: could not run: {e.Message}");
            }
        }
        var result = new ScenarioResult(scenario.Name, runs, searches);
        result = result with { Conclusions = scenario.Conclude?.Invoke(result).ToList() ?? [] };
        foreach (var conclusion in result.Conclusions) Console.WriteLine(conclusion);
        results.Add(result);
    }
}
catch (OperationCanceledException) when (ct.IsCancellationRequested)
{
    Console.WriteLine("cancelled: the figures so far follow");
}

long? overlaps = null;
if (options.Postgres is not null)
{
    overlaps = await Overlaps.CountAsync(options.Postgres, CancellationToken.None);
    Console.WriteLine($"overlaps: {overlaps}");
}
if (options.JsonPath is not null)
{
    await new Summary(started, DateTimeOffset.UtcNow, options, results, overlaps).WriteAsync(options.JsonPath, CancellationToken.None);
    Console.WriteLine($"summary: {options.JsonPath}");
}
return ct.IsCancellationRequested ? 130 : 0;

async Task RunSeriesAsync(Scenario scenario, ISeries one, List<SeriesResult> runs, List<SaturationResult> searches)
{
    if (options.FindSaturation)
    {
        var found = await saturation.FindAsync(scenario.Name, one, step => Console.WriteLine(step.Describe()), ct);
        Console.WriteLine(found.Describe());
        searches.Add(found);
        return;
    }
    var run = await runner.RunAsync(one, new SeriesPlan(scenario.Name, one.Name, options.Rate, options.Seconds, options.WarmupSeconds), ct);
    Console.WriteLine(run.Describe());
    runs.Add(run);
}

// One connection per request in flight at most (HTTP/1.1), no proxy (loopback), no decompression (nothing asks for it).
HttpClient Client(Uri baseAddress, string? apiKey)
{
    var http = new HttpClient(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = options.MaxInFlight,
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        BaseAddress = baseAddress,
        Timeout = options.Timeout,
    };
    if (apiKey is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    return http;
}
