using System.Net;

namespace FastBooking.Faults.Rig;

/// <summary>
/// One engine instance started from the build (<c>dotnet FastBooking.Api.dll</c>) on its own port, against the rig's
/// PostgreSQL and Redis, in the Production environment. It can be SIGKILLed and started again.
/// </summary>
public sealed class EngineInstance(string name, string engineDll, int port, IReadOnlyDictionary<string, string> environment, string logDirectory)
    : IDisposable
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(90);
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(2) };
    private ChildProcess? _process;

    public string Name { get; } = name;
    public Uri BaseUrl { get; } = new($"http://127.0.0.1:{port}/");

    /// <summary>Started and not killed since: where the load and the probes go (as a load balancer's health check would).</summary>
    public bool Live { get; private set; }

    public async Task StartAsync(CancellationToken ct)
    {
        await Ports.RequireFreeAsync(BaseUrl.Port, $"engine {Name}");
        _process?.Dispose();
        var env = new Dictionary<string, string>(environment) { ["ASPNETCORE_URLS"] = BaseUrl.ToString().TrimEnd('/') };
        _process = ChildProcess.Start("dotnet", [engineDll], Path.Combine(logDirectory, $"engine-{Name}.log"), env,
            Path.GetDirectoryName(engineDll));
        var deadline = DateTime.UtcNow + StartBound;
        while (!await ReadyAsync(ct))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"engine {Name} exited at start:{Environment.NewLine}{_process.Tail(30)}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"engine {Name} was not ready within {StartBound.TotalSeconds:F0} s:{Environment.NewLine}{_process.Tail(30)}");
            await Task.Delay(200, ct);
        }
        Live = true;
    }

    /// <summary>A crash: SIGKILL to the dotnet process this tool started.</summary>
    public void Kill()
    {
        Live = false;
        _process?.Kill();
    }

    public bool Running => _process is { HasExited: false };

    private async Task<bool> ReadyAsync(CancellationToken ct)
    {
        try
        {
            using var answer = await Probe.GetAsync(new Uri(BaseUrl, "health/ready"), ct);
            return answer.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested) { return false; }
    }

    public void Dispose()
    {
        Live = false;
        _process?.Dispose();
    }
}
