using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using StackExchange.Redis;

namespace FastBooking.Infrastructure.ReadModel;

/// <summary>
/// The one door to Redis: a shared multiplexer behind a timeout and a circuit breaker. Callers get "no answer"
/// instead of an exception, and fall back to PostgreSQL; Redis can make answers fast, never wrong or failing.
/// Whether Redis is also current is not this instance's to say: see <see cref="ReadinessMonitor"/>.
/// </summary>
public sealed class RedisGate : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection;
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger<RedisGate> _log;
    private long _failures;

    public RedisGate(string configuration, IOptions<RedisOptions> settings, ILogger<RedisGate> log)
    {
        _log = log;
        var limits = settings.Value;
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = (int)limits.ConnectTimeout.TotalMilliseconds;
        options.AsyncTimeout = (int)limits.CommandTimeout.TotalMilliseconds;
        options.SyncTimeout = (int)limits.CommandTimeout.TotalMilliseconds;
        _connection = new Lazy<Task<ConnectionMultiplexer>>(async () =>
        {
            var connection = await ConnectionMultiplexer.ConnectAsync(options);
            // A server that dropped the connection may have restarted empty: on a cluster that can be one master of
            // several, with the projector's state on another.
            connection.ConnectionRestored += (_, e) =>
            {
                if (e.ConnectionType == ConnectionType.Interactive) Reconnected?.Invoke();
            };
            return connection;
        });
        _pipeline = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = limits.BreakerFailureRatio,
                MinimumThroughput = limits.BreakerMinimumThroughput,
                SamplingDuration = limits.BreakerSampling,
                BreakDuration = limits.BreakerDuration,
                ShouldHandle = new PredicateBuilder().Handle<RedisException>().Handle<TimeoutRejectedException>().Handle<TimeoutException>(),
                OnOpened = _ =>
                {
                    _log.LogWarning("Redis circuit opened: answering from PostgreSQL");
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(limits.OperationTimeout)
            .Build();
    }

    /// <summary>Raised when a connection to a Redis server was restored: what that server holds can no longer be trusted
    /// to be complete.</summary>
    public event Action? Reconnected;

    /// <summary>Whether this instance is connected to Redis.</summary>
    public bool Connected => _connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully && _connection.Value.Result.IsConnected;

    /// <summary>How many Redis operations failed: a projector pass may declare Redis current only if this did not move while it ran.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Runs a Redis operation; null when Redis did not answer (down, slow, or the breaker is open).</summary>
    public async Task<T?> TryAsync<T>(Func<IDatabase, Task<T>> operation, CancellationToken ct = default) where T : class
    {
        try
        {
            return await _pipeline.ExecuteAsync(async token =>
            {
                var connection = await _connection.Value;
                if (!connection.IsConnected) throw new RedisException("Redis is not connected.");
                return await operation(connection.GetDatabase()).WaitAsync(token);
            }, ct);
        }
        catch (Exception e) when (e is RedisException or TimeoutRejectedException or BrokenCircuitException or TimeoutException)
        {
            Interlocked.Increment(ref _failures);
            _log.LogDebug(e, "Redis operation failed");
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
            await _connection.Value.Result.DisposeAsync();
    }
}
