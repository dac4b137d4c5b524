using StackExchange.Redis;

namespace FastBooking.Infrastructure.ReadModel;

/// <summary>
/// How the scripts that change a business's bitmaps or holds move its generation (<see cref="RedisKeys.Generation"/>)
/// on, in the same script as the change, so that no reader can see the change under the generation before it.
/// </summary>
internal static class Generations
{
    /// <summary>
    /// A Lua function for the scripts: a generation Redis lost (flushed, restarted empty) starts again from a random
    /// seed, not from 1, so that it does not repeat a number an answer was cached under before.
    /// </summary>
    public const string Bump = """
        local function bump(key, seed)
            if redis.call('INCR', key) == 1 then redis.call('SET', key, seed) end
        end

        """;

    public static RedisValue Seed() => Random.Shared.NextInt64(1L << 40, 1L << 52);
}
