using FastBooking.Faults;
using FastBooking.Faults.Api;
using FastBooking.Faults.Checks;
using FastBooking.Faults.Rig;
using FastBooking.Faults.Scenarios;

// Fault scenarios against two engine instances of the build, on a PostgreSQL and a Redis of their own.
// Exit status: 0 when every check passed, 1 when one failed, 2 when the rig could not be set up.
const string Usage = """
    usage: FastBooking.Faults [--short] [--engine <FastBooking.Api.dll>] [--pg-port 55432] [--redis-port 6395]
                              [--engine-port 5181] [--logs <dir>] [scenario…]
    scenarios: storm redis-kill redis-flush postgres-restart instance-kill projector-throughput (default: all)
    """;
if (args.Contains("--help"))
{
    Console.WriteLine(Usage);
    return 0;
}

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var valued = new[] { "--engine", "--pg-port", "--redis-port", "--engine-port", "--logs" };
var names = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !valued.Contains(args[i - 1]))).ToList();
var profile = args.Contains("--short") ? Profile.Short : Profile.Full;
var scenarios = names.Count == 0 ? Catalog.All : names.Select(Catalog.Named).ToList();
var options = new RigOptions(
    Option("--engine") ?? RigOptions.EngineDllIn(RigOptions.RepoRootAbove(AppContext.BaseDirectory), "Release"),
    int.Parse(Option("--pg-port") ?? RigOptions.DefaultPostgresPort.ToString()),
    int.Parse(Option("--redis-port") ?? RigOptions.DefaultRedisPort.ToString()),
    int.Parse(Option("--engine-port") ?? RigOptions.DefaultFirstEnginePort.ToString()),
    Option("--logs"));

using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};
using var terminated = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    interrupted.Cancel();
});

void Log(string line) => Console.WriteLine(line);
Log($"FastBooking faults ({profile.Name}) {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC: {string.Join(", ", scenarios.Select(s => s.Name))}");
FaultRig rig;
try { rig = await FaultRig.StartAsync(options, Log, interrupted.Token); }
catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or Npgsql.NpgsqlException)
{
    Console.Error.WriteLine($"[faults] ERROR: the rig could not be set up: {e.Message}");
    return 2;
}

var reports = new List<ScenarioReport>();
await using (rig)
using (var client = new EngineClient())
{
    try
    {
        await WarmUp.RunAsync(rig, client, Log, interrupted.Token);
        foreach (var scenario in scenarios)
            reports.Add(await ScenarioRunner.RunAsync(rig, client, scenario, profile, Log, interrupted.Token));
    }
    catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
    {
        Log("[faults] interrupted: stopping the rig");
    }
}
Summary.Print(reports, Log);
if (options.LogDirectory is { } logs) Log($"logs of the rig's services: {logs}");
return reports.Count == scenarios.Count && reports.All(r => r.Passed) ? 0 : 1;
