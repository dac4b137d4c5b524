using StackExchange.Redis;

namespace FastBooking.Infrastructure.ReadModel;

/// <summary>
/// Deletes every Redis key (bitmaps, holds, generation) of the given businesses: what a rebuild does first when Redis
/// holds the read model of another database, whose staff versions a versioned write would otherwise respect. One SCAN
/// per master over the read model's keys, however many businesses; keys of businesses not named (another database's
/// sharing this Redis) are left alone.
/// </summary>
public sealed class BusinessKeys(RedisGate redis)
{
    /// <summary>False when Redis did not answer.</summary>
    public async Task<bool> DeleteAsync(IReadOnlySet<Guid> businesses) =>
        await redis.TryAsync(async db =>
        {
            var keys = new List<(Guid Business, RedisKey Key)>();
            foreach (var server in db.Multiplexer.GetServers().Where(s => s.IsConnected && !s.IsReplica))
                await foreach (var key in server.KeysAsync(db.Database, "fb:{*", pageSize: 1000))
                    if (BusinessOf(key) is { } business && businesses.Contains(business)) keys.Add((business, key));
            // One DEL per business: its keys share its hash slot, which a cluster requires of a multi-key command.
            await Task.WhenAll(keys.GroupBy(k => k.Business).SelectMany(g => g.Chunk(1000))
                .Select(chunk => db.KeyDeleteAsync(chunk.Select(k => k.Key).ToArray())));
            return keys;
        }) is not null;

    /// <summary>The business a key's hash tag names (<c>fb:{business-id}:…</c>), or null for the projector's own keys.</summary>
    private static Guid? BusinessOf(RedisKey key)
    {
        var text = key.ToString();
        var close = text.IndexOf('}');
        return close > 4 && Guid.TryParse(text.AsSpan(4, close - 4), out var id) ? id : null;
    }
}
