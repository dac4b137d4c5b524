using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using NodaTime;
using StackExchange.Redis;

namespace FastBooking.Infrastructure.ReadModel;

/// <summary>Projected staff-day bitmaps in Redis: versioned writes (newest projection wins) and one-round-trip reads.</summary>
public sealed class DayBitmapStore(RedisGate redis, IClock clock)
{
    // Writes each day's bitmap unless Redis already holds one projected from a newer staff version.
    // KEYS: day1, version1, day2, version2, …; ARGV: version, then (bytes, ttl ms) per day.
    private const string SetIfNewer = """
        local v = tonumber(ARGV[1])
        local written = 0
        for i = 1, #KEYS, 2 do
            local current = redis.call('GET', KEYS[i + 1])
            if not current or tonumber(current) <= v then
                local arg = 2 + (i - 1)
                redis.call('SET', KEYS[i], ARGV[arg], 'PX', ARGV[arg + 1])
                redis.call('SET', KEYS[i + 1], v, 'PX', ARGV[arg + 1])
                written = written + 1
            end
        end
        return written
        """;

    /// <summary>Stores projections of one staff member made from <paramref name="version"/>; false when Redis did not answer.</summary>
    public async Task<bool> StoreAsync(BusinessId business, StaffId staff, long version, IReadOnlyList<StaffDayBitmap> days)
    {
        if (days.Count == 0) return true;
        var now = clock.GetCurrentInstant();
        var keys = days.SelectMany(d => new[] { RedisKeys.Day(business, staff, d.Day.Date), RedisKeys.DayVersion(business, staff, d.Day.Date) }).ToArray();
        var args = new List<RedisValue> { version };
        foreach (var d in days)
        {
            args.Add(d.ToArray());
            args.Add(TimeToLive(d.Day, now));
        }
        return await redis.TryAsync(db => db.ScriptEvaluateAsync(SetIfNewer, keys, args.ToArray())) is not null;
    }

    /// <summary>
    /// The stored bitmaps of the given staff and dates, fetched in one pipelined batch; a day Redis lacks is absent
    /// from the result. Null when Redis did not answer.
    /// </summary>
    public Task<Dictionary<(StaffId, LocalDate), StaffDayBitmap>?> FetchAsync(
        BusinessId business, DateTimeZone zone, IReadOnlyList<StaffId> staff, IReadOnlyList<LocalDate> dates) =>
        redis.TryAsync(async db =>
        {
            var batch = db.CreateBatch();
            var read = Read(batch, business, zone, staff, dates);
            batch.Execute();
            return await read;
        });

    /// <summary>Queues the reads of <see cref="FetchAsync"/> on a batch the caller executes (to share its round trip).</summary>
    public static async Task<Dictionary<(StaffId, LocalDate), StaffDayBitmap>> Read(
        IBatch batch, BusinessId business, DateTimeZone zone, IReadOnlyList<StaffId> staff, IReadOnlyList<LocalDate> dates)
    {
        var wanted = staff.SelectMany(s => dates.Select(d => (s, d))).ToArray();
        // One MGET: the keys share the business's hash tag, so this is legal on a cluster too.
        // Queued now, answered once the caller executes the batch.
        var pending = batch.StringGetAsync(wanted.Select(w => RedisKeys.Day(business, w.s, w.d)).ToArray());
        var values = await pending;
        var days = dates.ToDictionary(d => d, d => LocalDay.Of(d, zone));
        var result = new Dictionary<(StaffId, LocalDate), StaffDayBitmap>(wanted.Length);
        for (var i = 0; i < wanted.Length; i++)
        {
            if (values[i].IsNull) continue;
            var day = days[wanted[i].d];
            byte[] bytes = values[i]!;
            // A bitmap of the wrong length (the zone's rules changed since) is as good as missing: re-project it.
            if (bytes.Length == StaffDayBitmap.ByteLengthOf(day.Minutes))
                result[wanted[i]] = StaffDayBitmap.FromBytes(day, bytes);
        }
        return result;
    }

    /// <summary>Past days are worth little: a day's bitmap lives until two days after it ends.</summary>
    private static long TimeToLive(LocalDay day, Instant now) =>
        Math.Max((long)(day.End + Duration.FromDays(2) - now).TotalMilliseconds, 3_600_000);
}
