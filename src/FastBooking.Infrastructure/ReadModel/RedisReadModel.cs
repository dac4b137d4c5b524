using FastBooking.Application.ReadModel;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Staff;
using NodaTime;
using StackExchange.Redis;

namespace FastBooking.Infrastructure.ReadModel;

/// <summary>The Redis read model as the read paths see it: stored bitmaps and live holds in one round trip.</summary>
public sealed class RedisReadModel(RedisGate redis, ReadinessMonitor readiness) : IReadModel
{
    public bool IsCurrentFor(BusinessId business) => redis.Connected && readiness.Status.IsCurrentFor(business);

    public ReadModelStatus Status => readiness.Status;

    // KEYS: the day keys (ARGV[1] of them), then the staff's holds zsets; ARGV: day key count, now ms.
    // One script, so that bitmaps and holds are read at one instant: the projector stores a booking's days and then
    // releases its stand-in, and a read between the two must not see the old days without the stand-in.
    private const string ReadDaysAndHolds = """
        local n = tonumber(ARGV[1])
        local days = redis.call('MGET', unpack(KEYS, 1, n))
        local holds = {}
        for i = n + 1, #KEYS do
            holds[#holds + 1] = redis.call('ZRANGEBYSCORE', KEYS[i], '(' .. ARGV[2], '+inf', 'WITHSCORES')
        end
        return { days, holds }
        """;

    public Task<StoredDays?> ReadAsync(BusinessId business, DateTimeZone zone, IReadOnlyList<StaffId> staff, IReadOnlyList<LocalDate> dates, Instant now) =>
        redis.TryAsync(async db =>
        {
            if (staff.Count == 0 || dates.Count == 0) return new StoredDays([], []);
            var days = DayBitmapStore.Keys(business, staff, dates);
            var read = (RedisResult[])(await db.ScriptEvaluateAsync(ReadDaysAndHolds, [.. days, .. HoldStore.HoldKeys(business, staff)],
                [days.Length, HoldStore.Ms(now)]))!;
            return new StoredDays(DayBitmapStore.Parse((RedisValue[])read[0]!, zone, staff, dates), HoldStore.ParseLive((RedisResult[])read[1]!, staff));
        });

    public async Task<long?> GenerationAsync(BusinessId business) =>
        await redis.TryAsync(async db => (object)await db.StringGetAsync(RedisKeys.Generation(business))) is RedisValue value && value.TryParse(out long generation)
            ? generation
            : null;
}
