using StackExchange.Redis;

namespace FastBooking.Faults.Rig;

/// <summary>
/// A Redis of this tool's own, run in the foreground as a child process so that it can be SIGKILLed and started again
/// (empty: no persistence, as the read model needs none).
/// </summary>
public sealed class OwnRedis : IAsyncDisposable
{
    private readonly string _root;
    private ChildProcess? _process;
    private ConnectionMultiplexer? _connection;

    private OwnRedis(string root, int port)
    {
        _root = root;
        Port = port;
    }

    public int Port { get; }
    public bool Running => _process is { HasExited: false };
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<OwnRedis> CreateAsync(string root, int port, CancellationToken ct)
    {
        await Ports.RequireFreeAsync(port, "Redis");
        var redis = new OwnRedis(root, port);
        await redis.StartAsync(ct);
        return redis;
    }

    public async Task StartAsync(CancellationToken ct)
    {
        _process?.Dispose();
        _process = ChildProcess.Start("redis-server",
            ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _root],
            Path.Combine(_root, "redis.log"));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await PingsAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"redis-server on port {Port} did not answer:{Environment.NewLine}{_process.Tail(20)}");
            await Task.Delay(100, ct);
        }
    }

    /// <summary>A crash: SIGKILL to the redis-server this tool started.</summary>
    public void Kill() => _process?.Kill();

    public Task FlushAllAsync(CancellationToken ct) =>
        Exec.RunAsync("redis-cli", ["-p", Port.ToString(), "FLUSHALL"], TimeSpan.FromSeconds(10), ct);

    /// <summary>A string key, or null when it is missing or Redis does not answer.</summary>
    /// <summary>One field of a hash; null when absent or Redis does not answer.</summary>
    public async Task<string?> HashGetAsync(string key, string field)
    {
        try
        {
            _connection ??= await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions
            {
                EndPoints = { ConnectionString }, AbortOnConnectFail = false, ConnectTimeout = 1000, SyncTimeout = 1000, AsyncTimeout = 1000,
            });
            var value = await _connection.GetDatabase().HashGetAsync(key, field);
            return value.IsNull ? null : value.ToString();
        }
        catch (Exception e) when (e is RedisException or TimeoutException) { return null; }
    }

    private Task<bool> PingsAsync() => Ports.AnswersAsync(Port);

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        _process?.Dispose();
    }
}
