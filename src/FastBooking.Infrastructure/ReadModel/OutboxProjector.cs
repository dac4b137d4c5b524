using System.Text.Json;
using FastBooking.Domain.Businesses;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Outbox;
using FastBooking.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NodaTime;

namespace FastBooking.Infrastructure.ReadModel;

/// <summary>
/// Keeps Redis in step with PostgreSQL from the outbox: woken by LISTEN/NOTIFY, polling as a safety net.
/// Its position lives in Redis; when that key is missing (first start, flushed or new Redis) it rebuilds every
/// business first. Projections are versioned, so replaying events is harmless.
/// Outbox ids are taken at insert, not at commit, so a gap may still be filled by a transaction in flight: the
/// position only moves past a gap once it has stayed open for <see cref="GapTimeout"/>; later rows are applied at once.
/// </summary>
public sealed class OutboxProjector(
    IServiceScopeFactory scopes, NpgsqlDataSource dataSource, RedisGate redis, CatalogCache catalogs, ILogger<OutboxProjector> log)
    : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan GapTimeout = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _wake = new(0);
    private readonly SemaphoreSlim _pass = new(1, 1);

    /// <summary>Where this database's projection position is kept in Redis.</summary>
    public StackExchange.Redis.RedisKey PositionKey { get; } =
        RedisKeys.ProjectorPosition(new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Database ?? "postgres");
    private readonly HashSet<long> _appliedAbovePosition = [];
    private readonly Dictionary<long, long> _gapsSeen = []; // gap start id → when first seen (Stopwatch timestamp)

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
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
    /// One pass: rebuild if Redis lost its position, apply new outbox rows, then declare Redis readable. Passes run one
    /// at a time (the background loop and any caller share the position bookkeeping).
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
        var stored = await redis.TryAsync(async db => (object)await db.StringGetAsync(PositionKey));
        if (stored is null)
        {
            redis.MarkCaughtUp(false);
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FastBookingDb>();
        var projector = scope.ServiceProvider.GetRequiredService<StaffProjector>();
        var sync = scope.ServiceProvider.GetRequiredService<ReadModelSync>();

        var value = (StackExchange.Redis.RedisValue)stored;
        long position;
        if (value.IsNull)
        {
            position = await RebuildAllAsync(db, projector, ct);
        }
        else position = (long)value;

        var rows = await db.Outbox.AsNoTracking().Where(o => o.Id > position).OrderBy(o => o.Id).Take(500).ToListAsync(ct);
        foreach (var row in rows.Where(r => !_appliedAbovePosition.Contains(r.Id)))
        {
            await ApplyAsync(row.BusinessId, row.Type, row.Payload, projector, sync, ct);
            _appliedAbovePosition.Add(row.Id);
        }
        var next = Advance(position, rows.Select(r => r.Id));
        if (next != position && await redis.TryAsync(async r => (object)await r.StringSetAsync(PositionKey, next)) is null)
            return;
        _appliedAbovePosition.RemoveWhere(id => id <= next);
        if (rows.Count < 500) redis.MarkCaughtUp(true);
    }

    private async Task<long> RebuildAllAsync(FastBookingDb db, StaffProjector projector, CancellationToken ct)
    {
        // Events after this point are applied from the outbox; earlier ones are in the state the rebuild reads.
        var head = await db.Outbox.MaxAsync(o => (long?)o.Id, ct) ?? 0;
        var businesses = await db.Businesses.AsNoTracking().Select(b => b.Id).ToListAsync(ct);
        log.LogInformation("Rebuilding the read model of {Count} businesses", businesses.Count);
        foreach (var id in businesses)
            await projector.RebuildAsync(new BusinessId(id), ct);
        await redis.TryAsync(async r => (object)await r.StringSetAsync(PositionKey, head));
        _appliedAbovePosition.Clear();
        return head;
    }

    private static async Task ApplyAsync(Guid businessId, string type, string payload, StaffProjector projector, ReadModelSync sync, CancellationToken ct)
    {
        using var json = JsonDocument.Parse(payload);
        var business = new BusinessId(businessId);
        switch (type)
        {
            case OutboxEvents.AppointmentChanged:
                var ranges = json.RootElement.GetProperty("ranges").EnumerateArray().Select(r => (
                    r.GetProperty("staffId").GetGuid(),
                    new Interval(Instant.FromUnixTimeSeconds(r.GetProperty("start").GetInt64()), Instant.FromUnixTimeSeconds(r.GetProperty("end").GetInt64()))));
                await sync.RangesChangedAsync(business, ranges.ToList(), ct);
                break;
            case OutboxEvents.ScheduleChanged:
                await sync.StaffChangedAsync(business, json.RootElement.GetProperty("staffId").GetGuid(), ct);
                break;
            case OutboxEvents.RulesChanged or OutboxEvents.CatalogChanged:
                // Rules are applied when bitmaps are read (a longer booking window is filled in on demand); cached
                // catalogs are forgotten on notification, by every instance.
                break;
        }
    }

    /// <summary>The new position: past every applied id in an unbroken run, and past gaps that stayed open too long.</summary>
    private long Advance(long position, IEnumerable<long> ids)
    {
        var next = position;
        foreach (var id in ids)
        {
            if (id != next + 1)
            {
                var gap = next + 1;
                // Elapsed process time, not the business clock: this is about transactions in flight.
                if (!_gapsSeen.TryGetValue(gap, out var seen)) _gapsSeen[gap] = seen = System.Diagnostics.Stopwatch.GetTimestamp();
                if (System.Diagnostics.Stopwatch.GetElapsedTime(seen) < GapTimeout) break;
            }
            next = id;
        }
        foreach (var gap in _gapsSeen.Keys.Where(g => g <= next).ToList()) _gapsSeen.Remove(gap);
        return next;
    }

    /// <summary>
    /// Every instance hears every notification ("type:business-id"), while only one applies each outbox row: cached
    /// catalogs are forgotten here. A missed notification (connection down) is bounded by the cache's lifetime.
    /// </summary>
    private void ForgetCatalogOn(string payload)
    {
        var parts = payload.Split(':', 2);
        if (parts.Length == 2 && parts[0] is OutboxEvents.RulesChanged or OutboxEvents.CatalogChanged or OutboxEvents.ScheduleChanged
            && Guid.TryParse(parts[1], out var business))
            catalogs.Forget(new BusinessId(business));
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
                    ForgetCatalogOn(e.Payload);
                    _wake.Release();
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
