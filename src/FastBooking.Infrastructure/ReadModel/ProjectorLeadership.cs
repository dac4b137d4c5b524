using Medallion.Threading.Postgres;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FastBooking.Infrastructure.ReadModel;

/// <summary>
/// Elects the one projector among all instances: whoever holds a PostgreSQL session advisory lock leads. The lock lives
/// as long as its connection, so a leader that dies (process killed, connection lost) frees it at once, and another
/// instance, trying every <see cref="ProjectorOptions.LeaseRetry"/>, takes over. A leader that loses its connection
/// stops projecting. Two leaders for a moment would be harmless (versioned writes, a position that only moves forward),
/// only wasteful.
/// </summary>
public sealed class ProjectorLeadership(NpgsqlDataSource dataSource, OutboxProjector projector, IOptions<ProjectorOptions> options,
    ILogger<ProjectorLeadership> log) : BackgroundService
{
    private readonly PostgresDistributedLock _lease = new(
        new PostgresAdvisoryLockKey("fastbooking-outbox-projector", allowHashing: true), dataSource,
        // The lock's connection is checked this often, so that a lost one ends the leadership within seconds.
        o => o.KeepaliveCadence(TimeSpan.FromSeconds(2)));

    private volatile bool _leading;

    /// <summary>Whether this instance leads the projector right now.</summary>
    public bool Leading => _leading;

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        if (options.Value.Role == ProjectorRole.Never) return;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var lease = await _lease.TryAcquireAsync(TimeSpan.Zero, stop);
                if (lease is not null) await LeadAsync(lease.HandleLostToken, stop);
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                log.LogWarning(e, "Projector leadership lost or not available; trying again");
            }
            await Task.Delay(options.Value.LeaseRetry, stop).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    private async Task LeadAsync(CancellationToken lost, CancellationToken stop)
    {
        using var leading = CancellationTokenSource.CreateLinkedTokenSource(lost, stop);
        log.LogInformation("Leading the outbox projector as {Name}", projector.Name);
        _leading = true;
        try
        {
            await projector.RunAsync(leading.Token);
        }
        finally
        {
            _leading = false;
            if (!stop.IsCancellationRequested) log.LogWarning("No longer leading the outbox projector (its PostgreSQL session was lost)");
        }
    }
}
