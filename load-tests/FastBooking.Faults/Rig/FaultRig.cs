using System.Security.Cryptography;

namespace FastBooking.Faults.Rig;

/// <summary>
/// Everything a fault scenario runs against, all of it this tool's own: a PostgreSQL cluster, a Redis, and two engine
/// instances of the build. Disposing it ends every process it started (by PID) and removes its temporary directory.
/// </summary>
public sealed class FaultRig : IAsyncDisposable
{
    /// <summary>Two instances at this pool size fit the cluster's default 100 connections with room for the checks.</summary>
    private const int PoolSizePerInstance = 30;

    private readonly RigOptions _options;
    private readonly string _root;
    private int _disposed;

    private FaultRig(RigOptions options, string root, OwnPostgres postgres, OwnRedis redis)
    {
        _options = options;
        _root = root;
        Postgres = postgres;
        Redis = redis;
        AdminKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
    }

    public OwnPostgres Postgres { get; }
    public OwnRedis Redis { get; }
    public string AdminKey { get; }
    public IReadOnlyList<EngineInstance> Instances { get; private set; } = [];
    public EngineInstance A => Instances[0];
    public EngineInstance B => Instances[1];
    public IEnumerable<EngineInstance> Live => Instances.Where(i => i.Live);

    /// <summary>The projector's state the leader keeps in Redis for this rig's database (a hash; its <c>position</c> field).</summary>
    public string ProjectorStateKey => "fb:{projector:fastbooking_faults}:state";

    public static async Task<FaultRig> StartAsync(RigOptions options, Action<string> log, CancellationToken ct)
    {
        if (!File.Exists(options.EngineDll))
            throw new InvalidOperationException($"no engine build at {options.EngineDll}: run `dotnet build FastBooking.sln -c Release` first");
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("the fault rig runs PostgreSQL and Redis as Linux processes");
        var root = Directory.CreateTempSubdirectory("fastbooking-faults-").FullName;
        // The postgres OS user must reach its data and socket directories inside.
        File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        OwnPostgres? postgres = null;
        OwnRedis? redis = null;
        try
        {
            log($"[rig] PostgreSQL 15 on 127.0.0.1:{options.PostgresPort}, data in {root}");
            postgres = await OwnPostgres.CreateAsync(root, options.PostgresPort, ct);
            log($"[rig] Redis on 127.0.0.1:{options.RedisPort}");
            redis = await OwnRedis.CreateAsync(root, options.RedisPort, ct);
            var rig = new FaultRig(options, root, postgres, redis);
            Cleanup.Register(rig);
            try
            {
                await rig.StartInstancesAsync(log, ct);
                return rig;
            }
            catch
            {
                await rig.DisposeAsync();
                throw;
            }
        }
        catch when (postgres is null || redis is null)
        {
            if (redis is not null) await redis.DisposeAsync();
            if (postgres is not null) await postgres.ShutDownAsync();
            Directory.Delete(root, recursive: true);
            throw;
        }
    }

    private async Task StartInstancesAsync(Action<string> log, CancellationToken ct)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Postgres"] = Postgres.ConnectionString(PoolSizePerInstance),
            ["ConnectionStrings__Redis"] = Redis.ConnectionString,
            ["FastBooking__AdminKey"] = AdminKey,
            ["FastBooking__SeedDemo"] = "false",
            // The consistency check is polled every second after each fault; its per-business throttle protects
            // tenants from each other, which is not under test here.
            ["FastBooking__Throttling__OperatorBurst"] = "1000",
            ["FastBooking__Throttling__OperatorRefill"] = "00:00:01",
            // A line per request at this load would be most of the log; warnings and errors are what a fault shows.
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        Instances = new[] { "a", "b" }.Select((name, i) =>
            new EngineInstance(name, _options.EngineDll, _options.FirstEnginePort + i, environment, _root)).ToList();
        // One after the other: the first applies the migrations.
        foreach (var instance in Instances)
        {
            log($"[rig] engine {instance.Name} on {instance.BaseUrl}");
            await instance.StartAsync(ct);
        }
    }

    /// <summary>Brings back whatever a scenario left down, so that the next one starts from a whole rig.</summary>
    public async Task RestoreAsync(CancellationToken ct)
    {
        if (!Redis.Running) await Redis.StartAsync(ct);
        if (!Postgres.Running) await Postgres.StartAsync(ct);
        foreach (var instance in Instances.Where(i => !i.Running || !i.Live))
        {
            instance.Kill();
            await instance.StartAsync(ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        foreach (var instance in Instances) instance.Dispose();
        await Redis.DisposeAsync();
        await Postgres.ShutDownAsync();
        if (_options.LogDirectory is { } logs)
        {
            Directory.CreateDirectory(logs);
            foreach (var file in Directory.GetFiles(_root, "*.log")) File.Copy(file, Path.Combine(logs, Path.GetFileName(file)), overwrite: true);
        }
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException e) { Console.Error.WriteLine($"[faults] could not remove {_root}: {e.Message}"); }
        Cleanup.Unregister(this);
    }
}

/// <summary>
/// Ends the rig's processes when the tool is interrupted (Ctrl-C, SIGTERM from a timeout) or exits without disposing
/// it: nothing this tool started may outlive it.
/// </summary>
public static class Cleanup
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<FaultRig> Rigs = [];

    static Cleanup() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DisposeAll();

    public static void Register(FaultRig rig)
    {
        lock (Gate) Rigs.Add(rig);
    }

    public static void Unregister(FaultRig rig)
    {
        lock (Gate) Rigs.Remove(rig);
    }

    public static void DisposeAll()
    {
        FaultRig[] rigs;
        lock (Gate) rigs = [.. Rigs];
        foreach (var rig in rigs) rig.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
