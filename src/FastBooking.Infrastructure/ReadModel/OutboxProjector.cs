using System.Diagnostics;
using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Staff;
using FastBooking.Infrastructure.Holds;
using FastBooking.Infrastructure.Outbox;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Persistence.Rows;
using FastBooking.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FastBooking.Infrastructure.ReadModel;

/// <summary>
/// Keeps Redis in step with PostgreSQL from the outbox. Only the elected leader runs it (<see cref="ProjectorLeadership"/>);
/// a pass reads a batch of rows, groups them by business and projects every touched staff-day once, then publishes
/// position, lag and whether Redis is current (<see cref="ProjectorStatusStore"/>), which every instance reads.
/// When the position is missing (first start, flushed or new Redis), or a Redis server's connection was restored (it
/// may have restarted empty), it rebuilds every business first.
/// Projections are versioned and made from today's state, so applying a row twice is harmless.
/// Outbox ids are taken at insert, not at commit, so an id below the newest one seen may still arrive: ids not seen
/// below the cursor are kept as gaps and looked for again on every pass; the durable position moves only up to the
/// first open gap. A gap open for the configured gap timeout is a rolled-back transaction and is dropped.
/// A row that fails for reasons of its own (not Redis or PostgreSQL being out) is retried on the next passes and, after
/// <see cref="ProjectorOptions.MaxAttempts"/>, parked: its business is degraded and everyone else goes on.
/// </summary>
public sealed class OutboxProjector
{
    // After a rebuild, transactions still in flight may commit ids below the head it started from.
    private const int InFlightWindow = 200;
    // Days rebuilt per step: the nearest week of every business first, then the next.
    private const int RebuildDaysPerStep = 7;

    private readonly IServiceScopeFactory _scopes;
    private readonly RedisGate _redis;
    private readonly ProjectorStatusStore _status;
    private readonly ProjectorOptions _options;
    private readonly ILogger<OutboxProjector> _log;
    private readonly WakeSignal _wake = new();
    private readonly SemaphoreSlim _pass = new(1, 1);
    private readonly System.Diagnostics.Metrics.Counter<long> _applied;
    private readonly Dictionary<long, long> _gaps = []; // outbox id not seen yet → when first missed (Stopwatch timestamp)
    private readonly Dictionary<long, (Guid Business, int Attempts)> _failures = []; // outbox id that failed → its business, passes it failed in
    private readonly HashSet<Guid> _unbuilt = []; // businesses the last rebuild could not project: degraded, retried every pass
    private volatile bool _rebuildRequested;
    private long _cursor = -1;
    private string? _epoch;
    private long _lag;
    private int _parked;

    public OutboxProjector(IServiceScopeFactory scopes, RedisGate redis, ProjectorStatusStore status, IOptions<ProjectorOptions> options,
        EngineMetrics metrics, ILogger<OutboxProjector> log)
    {
        _scopes = scopes;
        _redis = redis;
        _status = status;
        _options = options.Value;
        _log = log;
        _applied = metrics.Meter.CreateCounter<long>("fastbooking.projector.applied", "{row}", "Outbox rows applied to the Redis read model");
        metrics.Meter.CreateObservableGauge("fastbooking.projector.lag", () => Lag, "{row}", "Outbox rows not yet applied to the Redis read model (leader only)");
        // A Redis server that came back may have come back empty: only a rebuild makes the read model whole again.
        redis.Reconnected += () => _rebuildRequested = true;
        metrics.Meter.CreateObservableGauge("fastbooking.projector.parked", () => Volatile.Read(ref _parked), "{row}", "Outbox rows parked after repeated failures (leader only)");
    }

    /// <summary>How this process names itself as leader: host, process and a per-start suffix.</summary>
    public string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Outbox rows committed but not yet applied, as of this process's last pass.</summary>
    public long Lag => Interlocked.Read(ref _lag);

    /// <summary>Asks for a pass now (a notification arrived).</summary>
    public void Wake() => _wake.Wake();

    /// <summary>Projects until <paramref name="stop"/> (leadership lost or shutdown): on every notification, and every poll interval.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        // A new leader knows nothing of the last one's gaps: it starts from the published position.
        _cursor = -1;
        _gaps.Clear();
        _failures.Clear();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                // A full batch means more rows are waiting: no pause before the next.
                if (await CatchUpAsync(stop)) continue;
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                _log.LogWarning(e, "Read-model projection pass failed; retrying");
            }
            await _wake.WaitAsync(_options.PollInterval, _options.WakeDelay, stop);
        }
    }

    /// <summary>One pass: rebuild if Redis lost its position, apply a batch of new rows and gaps that filled, publish.
    /// Passes of one process run one at a time (the leader's loop and any caller).</summary>
    /// <returns>Whether the batch was full (more rows are waiting).</returns>
    public async Task<bool> CatchUpAsync(CancellationToken ct)
    {
        await _pass.WaitAsync(ct);
        try
        {
            return await PassAsync(ct);
        }
        finally
        {
            _pass.Release();
        }
    }

    private async Task<bool> PassAsync(CancellationToken ct)
    {
        var failuresBefore = _redis.Failures;
        var started = Stopwatch.GetTimestamp();
        if (await _status.ReadAsync() is not { } stored) return false; // Redis is out: nothing to project into
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FastBookingDb>();
        var parked = scope.ServiceProvider.GetRequiredService<ParkedChangeStore>();

        // Redis may hold the read model of another database of this name (dropped and created again, restored): its
        // position and staff versions mean nothing here, so its businesses' keys go before they are rebuilt.
        var source = (await db.ReadModelSource.AsNoTracking().Select(r => r.Id).SingleAsync(ct)).ToString("N");
        long position;
        if (stored is { Position: { } p, Epoch: { } epoch } && stored.Source == source && !_rebuildRequested)
        {
            position = p;
            _epoch = epoch;
            // A new leader cannot know why the last one degraded a business: rebuilding it is what ends that.
            if (_cursor < 0) _unbuilt.UnionWith(stored.Degraded);
        }
        else position = await RebuildAllAsync(db, scope.ServiceProvider, source, wipe: stored.Source is { } s && s != source, ct);
        if (_cursor < position)
        {
            // A rebuild, or an earlier leader, applied everything up to the position.
            _cursor = position;
            foreach (var id in _gaps.Keys.Where(id => id <= position).ToList()) _gaps.Remove(id);
            foreach (var id in _failures.Keys.Where(id => id <= position).ToList()) _failures.Remove(id);
        }

        if (_unbuilt.Count > 0) await RetryUnbuiltAsync(scope.ServiceProvider, ct);


        var retry = _gaps.Keys.Concat(_failures.Keys).ToArray();
        var again = retry.Length == 0 ? [] : await db.Outbox.AsNoTracking().Where(o => retry.Contains(o.Id)).ToListAsync(ct);
        var fresh = await db.Outbox.AsNoTracking().Where(o => o.Id > _cursor).OrderBy(o => o.Id).Take(_options.BatchSize).ToListAsync(ct);
        var rows = again.Concat(fresh).ToList();
        var faults = await ApplyAsync(rows, ct);

        foreach (var row in rows)
        {
            _gaps.Remove(row.Id);
            if (faults.TryGetValue(row.Id, out var error))
            {
                var attempts = _failures.GetValueOrDefault(row.Id).Attempts + 1;
                _failures[row.Id] = (row.BusinessId, attempts);
                if (attempts >= _options.MaxAttempts)
                {
                    _log.LogError("Outbox row {Id} of business {Business} failed {Attempts} times and is parked: {Error}", row.Id, row.BusinessId, attempts, error);
                    await parked.ParkAsync(row, error, attempts, ct);
                    _failures.Remove(row.Id);
                }
            }
            else _failures.Remove(row.Id);
            // A jump wider than any burst of concurrent transactions is the sequence skipping ahead, not a gap.
            if (row.Id > _cursor && row.Id - _cursor <= 1000)
                for (var missing = _cursor + 1; missing < row.Id; missing++) _gaps.TryAdd(missing, Stopwatch.GetTimestamp());
            _cursor = Math.Max(_cursor, row.Id);
        }
        foreach (var (id, _) in _gaps.Where(g => Stopwatch.GetElapsedTime(g.Value) > _options.GapTimeout).ToList()) _gaps.Remove(id);
        _applied.Add(rows.Count - faults.Count);

        var held = _gaps.Keys.Concat(_failures.Keys).ToList();
        var next = held.Count == 0 ? _cursor : held.Min() - 1;
        var head = await db.Outbox.MaxAsync(o => (long?)o.Id, ct) ?? 0;
        var (parkedCount, parkedBusinesses) = await parked.SummaryAsync(ct);
        // A business whose change did not apply is not current, from its first failure on.
        var degraded = parkedBusinesses.Union(_unbuilt).Union(_failures.Values.Select(f => f.Business)).ToList();
        // Rows not yet read plus rows failing: an id the position waits at may never commit (a rolled-back transaction).
        Interlocked.Exchange(ref _lag, Math.Max(0, head - _cursor) + _failures.Count);
        Volatile.Write(ref _parked, parkedCount);
        var current = fresh.Count < _options.BatchSize && _redis.Failures == failuresBefore;
        if (_epoch is null || !await _status.PublishAsync(_epoch, next, head, Lag, current, Name, _options.HeartbeatTimeout, parkedCount, degraded))
            _log.LogInformation("The read model's state was not published (Redis out, or flushed during the pass); the next pass starts over");
        _log.LogDebug("Applied {Rows} outbox rows in {Ms:F0} ms; lag {Lag}", rows.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds, Lag);
        return fresh.Count == _options.BatchSize;
    }

    /// <summary>
    /// Applies rows grouped by business, a few businesses at once. A business whose batch fails is retried row by row,
    /// so that only the rows at fault are returned (outbox id → error). Redis or PostgreSQL being out fails the pass.
    /// </summary>
    private async Task<Dictionary<long, string>> ApplyAsync(IReadOnlyList<OutboxRow> rows, CancellationToken ct)
    {
        var faults = new System.Collections.Concurrent.ConcurrentDictionary<long, string>();
        var decoded = new List<(OutboxRow Row, ChangeEvent Change)>();
        foreach (var row in rows)
        {
            try
            {
                if (OutboxCodec.Decode(row.BusinessId, row.Type, row.Payload) is { } change) decoded.Add((row, change));
                else _log.LogWarning("Outbox row {Id} has a type this version does not know ({Type}); skipped", row.Id, row.Type);
            }
            catch (Exception e)
            {
                faults[row.Id] = $"Undecodable payload: {e.Message}";
            }
        }

        await Parallel.ForEachAsync(decoded.GroupBy(d => d.Row.BusinessId),
            new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = ct },
            async (business, token) =>
            {
                await using var scope = _scopes.CreateAsyncScope();
                var sync = scope.ServiceProvider.GetRequiredService<ReadModelSync>();
                var id = new BusinessId(business.Key);
                try
                {
                    if (!await sync.ApplyAsync(id, business.Select(b => b.Change).ToList(), token)) throw NotTaken(business.First().Row);
                    return;
                }
                catch (Exception e) when (!IsOutage(e))
                {
                    _log.LogDebug(e, "Outbox rows of business {Business} failed together; applying them one by one", business.Key);
                }
                foreach (var (row, change) in business)
                {
                    try
                    {
                        if (!await sync.ApplyAsync(id, [change], token)) throw NotTaken(row);
                    }
                    catch (Exception e) when (!IsOutage(e))
                    {
                        faults[row.Id] = e.Message;
                    }
                }
            });
        return new Dictionary<long, string>(faults);
    }

    /// <summary>Runs one business's part of a rebuild; a failure of its own leaves that business degraded, not the rebuild undone.</summary>
    private async Task IsolatedAsync(Guid business, Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception e) when (!IsOutage(e))
        {
            _log.LogError(e, "The read model of business {Business} could not be rebuilt; it reads from PostgreSQL until it can", business);
            _unbuilt.Add(business);
        }
    }

    /// <summary>Businesses a rebuild skipped are tried again, whole, on every pass until they project.</summary>
    private async Task RetryUnbuiltAsync(IServiceProvider services, CancellationToken ct)
    {
        var projector = services.GetRequiredService<StaffProjector>();
        foreach (var business in _unbuilt.ToList())
            await IsolatedAsync(business, async () =>
            {
                if (!await projector.RebuildAsync(new BusinessId(business), ct))
                    throw new RedisUnavailableException("Redis did not take the rebuilt bitmaps.");
                _unbuilt.Remove(business);
            });
    }

    private sealed record RebuildPlan(Business Business, IReadOnlyList<StaffId> Staff, NodaTime.LocalDate[][] Steps);

    private static bool IsOutage(Exception e) => e is RedisUnavailableException or OperationCanceledException || TransientFailures.IsTransient(e);

    private static RedisUnavailableException NotTaken(OutboxRow row) => new($"Redis did not take the projection of outbox row {row.Id}.");

    /// <summary>
    /// Restores every business's live holds and re-projects it from PostgreSQL within a new epoch, in bounded steps,
    /// nearest days first. Each step
    /// renews the heartbeat and checks the epoch: a flush during the rebuild is noticed and the rebuild starts over.
    /// </summary>
    private async Task<long> RebuildAllAsync(FastBookingDb db, IServiceProvider services, string source, bool wipe, CancellationToken ct)
    {
        // Events after the head are applied from the outbox; earlier ones are in the state the rebuild reads — except
        // those of transactions still in flight, whose ids just below the head are watched as gaps.
        var head = await db.Outbox.MaxAsync(o => (long?)o.Id, ct) ?? 0;
        var recent = await db.Outbox.Where(o => o.Id > head - InFlightWindow).Select(o => o.Id).ToListAsync(ct);
        var epoch = Guid.NewGuid().ToString("N");
        if (!await _status.BeginRebuildAsync(epoch, head, Name, _options.HeartbeatTimeout, source))
            throw new RedisUnavailableException("Redis did not take the start of the rebuild.");
        _rebuildRequested = false;
        _epoch = epoch;

        var projector = services.GetRequiredService<StaffProjector>();
        var store = services.GetRequiredService<SchedulingStore>();
        var restorer = services.GetRequiredService<HoldRestorer>();
        var keys = services.GetRequiredService<BusinessKeys>();
        var ids = await db.Businesses.AsNoTracking().Select(b => b.Id).ToListAsync(ct);
        _log.LogInformation(wipe ? "Redis held the read model of another database: rebuilding {Count} businesses from scratch"
            : "Rebuilding the read model of {Count} businesses", ids.Count);
        if (wipe && !await keys.DeleteAsync(ids.ToHashSet())) throw new RedisUnavailableException("Redis did not delete the other database's keys.");
        _unbuilt.Clear();
        var plans = new List<RebuildPlan>();
        foreach (var id in ids)
            await IsolatedAsync(id, async () =>
            {
                if (await store.BusinessAsync(new BusinessId(id), ct) is not { } business) return;
                // Holds first: PostgreSQL already binds bookings to them, Redis must arbitrate new holds against them.
                if (!await restorer.RestoreAsync(business.Id, ct)) throw new RedisUnavailableException("Redis did not take the restored holds.");
                var staff = await store.CalendarsAsync(business.Id, activeStaffOnly: false, ct);
                // The horizon starts yesterday: today onwards first, yesterday last.
                var horizon = projector.Horizon(business);
                plans.Add(new RebuildPlan(business, staff, horizon.Skip(1).Append(horizon[0]).Chunk(RebuildDaysPerStep).ToArray()));
            });
        for (var step = 0; plans.Any(p => p.Steps.Length > step); step++)
        {
            foreach (var plan in plans.Where(p => p.Steps.Length > step && !_unbuilt.Contains(p.Business.Id.Value)))
                await IsolatedAsync(plan.Business.Id.Value, async () =>
                {
                    foreach (var chunk in plan.Staff.Chunk(10))
                        if (!(await projector.ProjectAsync(plan.Business, chunk, plan.Steps[step], ct)).Stored)
                            throw new RedisUnavailableException("Redis did not take the rebuilt bitmaps.");
                });
            if (!await _status.BeatAsync(epoch, Name, _options.HeartbeatTimeout))
                throw new RedisUnavailableException("The read model was flushed during the rebuild; starting over.");
        }
        // Ids below the head not committed yet are in flight: their changes may postdate what the rebuild read, so the
        // published position stops below the first of them (another leader would otherwise start past them).
        var inFlight = Enumerable.Range(0, InFlightWindow).Select(i => head - i).Where(id => id >= 1 && !recent.Contains(id)).ToList();
        var rebuilt = inFlight.Count == 0 ? head : inFlight.Min() - 1;
        if (!await _status.BeatAsync(epoch, Name, _options.HeartbeatTimeout, position: rebuilt))
            throw new RedisUnavailableException("The read model was flushed as the rebuild ended; starting over.");

        _cursor = head;
        _gaps.Clear();
        _failures.Clear();
        foreach (var id in inFlight) _gaps[id] = Stopwatch.GetTimestamp();
        return rebuilt;
    }
}
