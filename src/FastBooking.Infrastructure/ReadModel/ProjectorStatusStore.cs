using FastBooking.Application.ReadModel;
using Npgsql;
using StackExchange.Redis;

namespace FastBooking.Infrastructure.ReadModel;

/// <summary>
/// The projector's verdict on the read model, kept in Redis where every instance reads it: written by the leader only,
/// so that "Redis is current" is one shared fact rather than each instance's guess. A flush wipes the verdict with the
/// data, which is what makes every instance fall back to PostgreSQL until the leader has rebuilt.
/// Each rebuild starts an epoch; the leader's writes name it and are refused once it is gone (flushed meanwhile). The
/// state names the database it was built from (<c>read_model_source</c>), so a database made again under the same name
/// is not mistaken for the one Redis knows.
/// </summary>
public sealed class ProjectorStatusStore(RedisGate redis, NpgsqlDataSource dataSource)
{
    private readonly string _database = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Database ?? "postgres";

    public RedisKey StateKey => RedisKeys.ProjectorState(_database);
    private RedisKey AliveKey => RedisKeys.ProjectorAlive(_database);
    private RedisKey DegradedKey => RedisKeys.DegradedBusinesses(_database);

    // KEYS: state, alive, degraded. ARGV: epoch, position, head, current, leader, alive ttl ms, parked, lag, degraded ids...
    // The position only moves forward; nothing is written unless the epoch is still the one the leader works in.
    private const string Publish = """
        if redis.call('HGET', KEYS[1], 'epoch') ~= ARGV[1] then return 0 end
        local position = tonumber(ARGV[2])
        local stored = tonumber(redis.call('HGET', KEYS[1], 'position') or '-1')
        if position > stored then
            redis.call('HSET', KEYS[1], 'position', position)
            stored = position
        end
        redis.call('HSET', KEYS[1], 'head', ARGV[3], 'lag', ARGV[8], 'current', ARGV[4], 'rebuilding', 0, 'leader', ARGV[5], 'parked', ARGV[7])
        redis.call('SET', KEYS[2], ARGV[5], 'PX', ARGV[6])
        redis.call('DEL', KEYS[3])
        for i = 9, #ARGV do redis.call('SADD', KEYS[3], ARGV[i]) end
        return 1
        """;

    // KEYS: state, alive. ARGV: epoch, head, leader, alive ttl ms, source. A new epoch, no position until the rebuild is done.
    private const string BeginRebuild = """
        redis.call('DEL', KEYS[1])
        redis.call('HSET', KEYS[1], 'epoch', ARGV[1], 'head', ARGV[2], 'current', 0, 'rebuilding', 1, 'leader', ARGV[3], 'source', ARGV[5])
        redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[4])
        return 1
        """;

    // KEYS: state, alive. ARGV: epoch, leader, alive ttl ms, position (or -1 for none yet).
    private const string Beat = """
        if redis.call('HGET', KEYS[1], 'epoch') ~= ARGV[1] then return 0 end
        if tonumber(ARGV[4]) >= 0 then redis.call('HSET', KEYS[1], 'position', ARGV[4], 'rebuilding', 0) end
        redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
        return 1
        """;

    /// <summary>The stored verdict; null when Redis did not answer.</summary>
    public Task<ReadModelStatus?> ReadAsync() =>
        redis.TryAsync(async db =>
        {
            var batch = db.CreateBatch();
            var state = batch.HashGetAllAsync(StateKey);
            var alive = batch.StringGetAsync(AliveKey);
            var degraded = batch.SetMembersAsync(DegradedKey);
            batch.Execute();
            var fields = (await state).ToDictionary(e => e.Name.ToString(), e => e.Value);
            long? Number(string name) => fields.TryGetValue(name, out var v) && v.TryParse(out long n) ? n : null;
            var leader = await alive;
            return new ReadModelStatus(
                RedisAnswered: true,
                Epoch: fields.TryGetValue("epoch", out var epoch) ? epoch.ToString() : null,
                Position: Number("position"),
                Head: Number("head"),
                Lag: Number("lag"),
                Current: Number("current") == 1 && Number("position") is not null,
                Rebuilding: Number("rebuilding") == 1,
                Leader: leader.IsNull ? null : leader.ToString(),
                Parked: (int)(Number("parked") ?? 0),
                Degraded: (await degraded).Select(d => Guid.TryParse(d.ToString(), out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToHashSet(),
                Source: fields.TryGetValue("source", out var source) ? source.ToString() : null);
        });

    /// <summary>Starts a rebuild's epoch: every instance stops trusting Redis until it is published current.</summary>
    public async Task<bool> BeginRebuildAsync(string epoch, long head, string leader, TimeSpan heartbeat, string source) =>
        await redis.TryAsync(db => db.ScriptEvaluateAsync(BeginRebuild, [StateKey, AliveKey],
            [epoch, head, leader, (long)heartbeat.TotalMilliseconds, source])) is not null;

    /// <summary>Renews the leader's heartbeat within an epoch, and sets the position once a rebuild is done (else -1).
    /// False when the epoch is gone (flushed) or Redis did not answer.</summary>
    public async Task<bool> BeatAsync(string epoch, string leader, TimeSpan heartbeat, long position = -1) =>
        (await redis.TryAsync(db => db.ScriptEvaluateAsync(Beat, [StateKey, AliveKey],
            [epoch, leader, (long)heartbeat.TotalMilliseconds, position])) is { } result) && (long)result == 1;

    /// <summary>Publishes a pass's result. False when the epoch is gone (flushed) or Redis did not answer.</summary>
    /// <param name="lag">Outbox rows committed and not yet applied (the position may wait below that, at an id not seen yet).</param>
    public async Task<bool> PublishAsync(string epoch, long position, long head, long lag, bool current, string leader, TimeSpan heartbeat,
        int parked, IReadOnlyCollection<Guid> degraded)
    {
        RedisValue[] args = [epoch, position, head, current ? 1 : 0, leader, (long)heartbeat.TotalMilliseconds, parked, lag,
            .. degraded.Select(d => (RedisValue)d.ToString())];
        return await redis.TryAsync(db => db.ScriptEvaluateAsync(Publish, [StateKey, AliveKey, DegradedKey], args)) is { } result
               && (long)result == 1;
    }
}
