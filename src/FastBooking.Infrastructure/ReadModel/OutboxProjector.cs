using System.Diagnostics;
using FastBooking.Application.ApiKeys;
using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Outbox;
using FastBooking.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Microsoft.Extensions.Options;

namespace FastBooking.Infrastructure.ReadModel;

/// <summary>
/// Keeps Redis in step with PostgreSQL from the outbox: woken by LISTEN/NOTIFY, polling as a safety net.
/// Its durable position lives in Redis; when that key is missing (first start, flushed or new Redis) it rebuilds every
/// business first. Projections are versioned, so replaying events is harmless.
/// Outbox ids are taken at insert, not at commit, so an id below the newest one seen may still arrive: this process
/// reads on from its own cursor, keeps the ids it has not seen below it as gaps and looks for them again on every pass,
/// and moves the durable position only up to the first open gap. A gap open for the configured gap timeout is a
/// rolled-back transaction and is dropped.
/// </summary>
public sealed class OutboxProjector(
    IServiceScopeFactory scopes, NpgsqlDataSource dataSource, RedisGate redis, CatalogCache catalogs, ApiKeyAuthenticator keyCache, IOptions<ProjectorOptions> options,
    EngineMetrics metrics, ILogger<OutboxProjector> log)
    : BackgroundService
{
    private TimeSpan PollInterval => options.Value.PollInterval;
    private int Page => options.Value.PageSize;
    // After a rebuild, transactions still in flight may commit ids below the head it started from.
    private const int InFlightWindow = 200;

    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly SemaphoreSlim _pass = new(1, 1);
    private long _cursor = -1;
    private long _lag;
    private readonly Dictionary<long, long> _gaps = []; // outbox id not seen yet → when first missed (Stopwatch timestamp)

    /// <summary>Where this database's projection position is kept in Redis.</summary>
    public StackExchange.Redis.RedisKey PositionKey { get; } =
        RedisKeys.ProjectorPosition(new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Database ?? "postgres");

    /// <summary>Outbox rows committed but not yet applied to Redis, as of the last pass.</summary>
    public long Lag => Interlocked.Read(ref _lag);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        metrics.Meter.CreateObservableGauge("fastbooking.projector.lag", () => Lag, "{row}", "Outbox rows not yet applied to the Redis read model");
        _ = ListenAsync(stop);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(stop);
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                redis.MarkCaughtUp(false);
                log.LogWarning(e, "Read-model projection failed; retrying");
            }
            await _wake.WaitAsync(PollInterval, stop).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    /// <summary>
    /// One pass: rebuild if Redis lost its position, apply new outbox rows and gaps that filled, then declare Redis
    /// readable if nothing failed meanwhile. Passes run one at a time (the background loop and any caller).
    /// </summary>
    public async Task CatchUpAsync(CancellationToken ct)
    {
        await _pass.WaitAsync(ct);
        try
        {
            await PassAsync(ct);
        }
        finally
        {
            _pass.Release();
        }
    }

    private async Task PassAsync(CancellationToken ct)
    {
        var failuresBefore = redis.Failures;
        var stored = await redis.TryAsync(async db => (object)await db.StringGetAsync(PositionKey));
        if (stored is null) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FastBookingDb>();
        var sync = scope.ServiceProvider.GetRequiredService<ReadModelSync>();

        var value = (StackExchange.Redis.RedisValue)stored;
        var position = value.IsNull
            ? await RebuildAllAsync(db, scope.ServiceProvider.GetRequiredService<StaffProjector>(), ct)
            : (long)value;
        if (_cursor < position)
        {
            // Another instance (or a rebuild) applied everything up to the position.
            _cursor = position;
            foreach (var id in _gaps.Keys.Where(id => id <= position).ToList()) _gaps.Remove(id);
        }

        var gapIds = _gaps.Keys.ToArray();
        var filled = await db.Outbox.AsNoTracking().Where(o => gapIds.Contains(o.Id)).ToListAsync(ct);
        var fresh = await db.Outbox.AsNoTracking().Where(o => o.Id > _cursor).OrderBy(o => o.Id).Take(Page).ToListAsync(ct);
        foreach (var row in filled.Concat(fresh))
        {
            var change = OutboxCodec.Decode(row.BusinessId, row.Type, row.Payload);
            if (change is null) log.LogWarning("Outbox row {Id} has a type this version does not know ({Type}); skipped", row.Id, row.Type);
            else if (!await ApplyAsync(change, sync, ct))
                throw new RedisUnavailableException($"Redis did not take the projection of outbox row {row.Id}.");
            _gaps.Remove(row.Id);
            // A jump wider than any burst of concurrent transactions is the sequence skipping ahead, not a gap.
            if (row.Id - _cursor <= 1000)
                for (var missing = _cursor + 1; missing < row.Id; missing++) _gaps.TryAdd(missing, Stopwatch.GetTimestamp());
            _cursor = Math.Max(_cursor, row.Id);
        }
        foreach (var (id, _) in _gaps.Where(g => Stopwatch.GetElapsedTime(g.Value) > options.Value.GapTimeout).ToList()) _gaps.Remove(id);

        var next = _gaps.Count == 0 ? _cursor : _gaps.Keys.Min() - 1;
        Interlocked.Exchange(ref _lag, Math.Max(0, (await db.Outbox.MaxAsync(o => (long?)o.Id, ct) ?? 0) - next));
        if (next > position && await redis.TryAsync(async r => (object)await r.StringSetAsync(PositionKey, next)) is null) return;
        if (fresh.Count < Page && redis.Failures == failuresBefore) redis.MarkCaughtUp(true);
    }

    private async Task<long> RebuildAllAsync(FastBookingDb db, StaffProjector projector, CancellationToken ct)
    {
        // Events after the head are applied from the outbox; earlier ones are in the state the rebuild reads — except
        // those of transactions still in flight, whose ids just below the head are watched as gaps.
        var head = await db.Outbox.MaxAsync(o => (long?)o.Id, ct) ?? 0;
        var recent = await db.Outbox.Where(o => o.Id > head - InFlightWindow).Select(o => o.Id).ToListAsync(ct);
        var businesses = await db.Businesses.AsNoTracking().Select(b => b.Id).ToListAsync(ct);
        log.LogInformation("Rebuilding the read model of {Count} businesses", businesses.Count);
        foreach (var id in businesses)
            if (!await projector.RebuildAsync(new BusinessId(id), ct))
                throw new RedisUnavailableException("Redis did not take the rebuilt bitmaps.");
        if (await redis.TryAsync(async r => (object)await r.StringSetAsync(PositionKey, head)) is null)
            throw new RedisUnavailableException("Redis did not take the projector position.");
        _cursor = head;
        _gaps.Clear();
        for (var id = Math.Max(1, head - InFlightWindow + 1); id <= head; id++)
            if (!recent.Contains(id)) _gaps[id] = Stopwatch.GetTimestamp();
        return head;
    }

    /// <returns>False when Redis did not take the projection.</returns>
    private static Task<bool> ApplyAsync(ChangeEvent change, ReadModelSync sync, CancellationToken ct) => change switch
    {
        AppointmentChanged a => sync.ProjectRangesAsync(a.Business, a.Ranges, ct),
        ScheduleChanged s => sync.ProjectStaffAsync(s.Business, s.StaffId, ct),
        // Rules and catalog changes leave bitmaps as they are (rules are applied when bitmaps are read; a longer
        // booking window is filled in on demand); cached catalogs are forgotten on notification.
        _ => Task.FromResult(true),
    };

    /// <summary>
    /// Every instance hears every notification ("type:business-id"), while only one applies each outbox row: cached
    /// catalogs and API keys are forgotten here. A missed notification (connection down) is bounded by the caches' lifetimes.
    /// </summary>
    private void ForgetOn(string payload)
    {
        if (OutboxCodec.StaleAfter(payload) is not var (business, catalog, apiKeys)) return;
        if (catalog) catalogs.Forget(business);
        if (apiKeys) keyCache.Forget(business);
    }

    private async Task ListenAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stop);
                connection.Notification += (_, e) =>
                {
                    ForgetOn(e.Payload);
                    if (_wake.CurrentCount == 0)
                    {
                        try { _wake.Release(); }
                        catch (SemaphoreFullException) { } // already woken: one pass reads every new row
                    }
                };
                await using (var listen = new NpgsqlCommand("LISTEN fastbooking_outbox", connection))
                    await listen.ExecuteNonQueryAsync(stop);
                while (!stop.IsCancellationRequested) await connection.WaitAsync(stop);
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                log.LogDebug(e, "Outbox LISTEN connection lost; polling meanwhile");
                await Task.Delay(PollInterval, stop).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }
}
