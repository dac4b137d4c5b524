using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using FastBooking.Infrastructure.Webhooks;
using Npgsql;

namespace FastBooking.Infrastructure.ReadModel;

/// <summary>
/// Elects the one projector among all instances (it also delivers webhooks, <see cref="WebhookDispatcher"/>): whoever holds a PostgreSQL session advisory lock leads. The lock lives
/// as long as its connection — a dedicated, unpooled one — so a leader that dies frees it at once (PostgreSQL ends the
/// session when the socket closes; one left idle for 10 s, too), and another instance, trying every
/// <see cref="ProjectorOptions.LeaseRetry"/>, takes over. The leader checks its connection every second and stops
/// projecting the moment it fails. Two leaders for a moment would be harmless, only wasteful: bitmap writes are
/// versioned and the projector's position only moves forward; feed positions are given one pass at a time
/// (<see cref="ChangeFeed.EventSequencer"/>); a webhook attempt is claimed before it is made (<see cref="WebhookDispatcher"/>).
/// </summary>
/// <remarks>
/// A few lines of SQL rather than DistributedLock.Postgres: that library watches a held lock by keeping its session
/// inside <c>pg_sleep</c>, and a sleeping backend does not notice its client is gone — measured: a SIGKILLed leader's
/// lock was still held 30 s later, and nobody led.
/// </remarks>
public sealed class ProjectorLeadership(string connectionString, OutboxProjector projector, WebhookDispatcher webhooks, IOptions<ProjectorOptions> options,
    ILogger<ProjectorLeadership> log) : BackgroundService
{
    // Any fixed 64-bit number, shared by every instance of one database ("FBproj" in ASCII).
    private const long LockKey = 0x4642_7072_6F6A;
    private static readonly TimeSpan Check = TimeSpan.FromSeconds(1);

    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
    {
        Pooling = false, // the lock must die with this connection, never go back to a pool
        CommandTimeout = 5,
    }.ConnectionString;

    private volatile bool _leading;

    /// <summary>Whether this instance leads the projector right now.</summary>
    public bool Leading => _leading;

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        if (options.Value.Role == ProjectorRole.Never) return;
        NpgsqlConnection? connection = null;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                // One connection for the tries, kept while it works (not a new backend every second).
                connection ??= await OpenAsync(stop);
                await using var tryLock = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockKey})", connection);
                if (await tryLock.ExecuteScalarAsync(stop) is true)
                {
                    await LeadAsync(connection, stop);
                    // However leading ended, the session may still hold the lock: only closing it is sure to free it.
                    await connection.DisposeAsync();
                    connection = null;
                }
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                log.LogWarning(e, "Projector leadership lost or not available; trying again");
                if (connection is not null) await connection.DisposeAsync();
                connection = null;
            }
            await Task.Delay(options.Value.LeaseRetry, stop).ContinueWith(_ => { }, CancellationToken.None);
        }
        if (connection is not null) await connection.DisposeAsync();
    }

    /// <summary>
    /// A session PostgreSQL ends by itself once it has been idle a few seconds (PostgreSQL 14 and later): a leader
    /// that stops pinging without closing its socket (paused, cut off) frees the lock all the same.
    /// </summary>
    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(ct);
        await using var idle = new NpgsqlCommand(
            "SELECT set_config('idle_session_timeout', '10s', false) WHERE current_setting('server_version_num')::int >= 140000", connection);
        await idle.ExecuteNonQueryAsync(ct);
        return connection;
    }

    private async Task LeadAsync(NpgsqlConnection connection, CancellationToken stop)
    {
        using var leading = CancellationTokenSource.CreateLinkedTokenSource(stop);
        log.LogInformation("Leading the outbox projector as {Name}", projector.Name);
        _leading = true;
        var projecting = projector.RunAsync(leading.Token);
        var delivering = webhooks.RunAsync(leading.Token);
        try
        {
            // The lease is only as good as its connection.
            while (!projecting.IsCompleted && !delivering.IsCompleted)
            {
                await Task.Delay(Check, stop);
                await using var ping = new NpgsqlCommand("SELECT 1", connection);
                await ping.ExecuteScalarAsync(stop);
            }
        }
        finally
        {
            _leading = false;
            await leading.CancelAsync();
            await projecting.ContinueWith(_ => { }, CancellationToken.None);
            await delivering.ContinueWith(_ => { }, CancellationToken.None);
            if (!stop.IsCancellationRequested) log.LogWarning("No longer leading the outbox projector (its PostgreSQL session was lost)");
        }
    }
}
