using FastBooking.Domain.Businesses;
using FastBooking.Domain.Staff;
using NodaTime;
using NodaTime.Text;
using StackExchange.Redis;

namespace FastBooking.Infrastructure.ReadModel;

/// <summary>
/// Every Redis key of the read model. A business's keys share the hash tag <c>{business-id}</c>, so a Redis Cluster
/// keeps them in one slot and the multi-key Lua scripts stay legal. docs/redis.md shows how to inspect them.
/// </summary>
public static class RedisKeys
{
    /// <summary>
    /// The projector's shared verdict on the read model of one PostgreSQL database (several may share a Redis): a hash
    /// of position, head, lag, epoch, current, rebuilding, leader. Its keys share one hash tag, so scripts may touch them together.
    /// </summary>
    public static RedisKey ProjectorState(string database) => $"fb:{{projector:{database}}}:state";

    /// <summary>The leader's heartbeat: its name, expiring unless the leader renews it.</summary>
    public static RedisKey ProjectorAlive(string database) => $"fb:{{projector:{database}}}:alive";

    /// <summary>Businesses with a parked outbox row: their reads and holds go to PostgreSQL.</summary>
    public static RedisKey DegradedBusinesses(string database) => $"fb:{{projector:{database}}}:degraded";

    /// <summary>One staff member's local day: the staff version it was projected from (8 bytes), then the StaffDayBitmap bytes.</summary>
    public static RedisKey Day(BusinessId b, StaffId s, LocalDate d) => DayPrefix(b, s) + LocalDatePattern.Iso.Format(d);

    /// <summary>What every <see cref="Day"/> key of one staff member starts with.</summary>
    public static string DayPrefix(BusinessId b, StaffId s) => $"fb:{{{b}}}:day:{s}:";

    /// <summary>A hold: a hash with its staff, service, times and expiry.</summary>
    public static RedisKey Hold(BusinessId b, string token) => $"fb:{{{b}}}:hold:{token}";

    /// <summary>Live holds of one staff member: a sorted set, score = expiry (unix ms), member = "occStartMs:occEndMs:token".</summary>
    public static RedisKey Holds(BusinessId b, StaffId s) => $"fb:{{{b}}}:holds:{s}";

    /// <summary>
    /// The business's read-model generation: a number every change of its bitmaps or holds moves on, in the same script
    /// as the change. Cached availability answers are kept only while it stands still (docs/redis.md).
    /// </summary>
    public static RedisKey Generation(BusinessId b) => $"fb:{{{b}}}:generation";

    public static RedisValue Pattern(BusinessId b) => $"fb:{{{b}}}:*";
}
