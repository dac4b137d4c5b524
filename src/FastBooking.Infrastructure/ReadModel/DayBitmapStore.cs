using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using NodaTime;
using NodaTime.Text;
using StackExchange.Redis;

namespace FastBooking.Infrastructure.ReadModel;

/// <summary>
/// Projected staff-day bitmaps in Redis: versioned writes (newest projection wins) and one-round-trip reads.
/// A day's value is the staff version it was projected from (8 bytes, big-endian) followed by the StaffDayBitmap
/// bytes, so a bitmap never outlives or loses its version: minute i is bit <see cref="BitOffset"/> + i of the value.
/// </summary>
public sealed class DayBitmapStore(RedisGate redis, IClock clock)
{
    public const int VersionBytes = 8;
    public const int BitOffset = VersionBytes * 8;

    // Writes each day's value unless Redis already holds one projected from a newer staff version, and moves the
    // business's generation on when it wrote any.
    // KEYS: the days, then the generation; ARGV: per day, (value, ttl ms), then a generation seed; every value starts
    // with the same 8-byte version.
    private const string SetIfNewer = Generations.Bump + """
        local function version(value)
            local v = 0
            for i = 1, 8 do v = v * 256 + string.byte(value, i) end
            return v
        end
        local new = version(ARGV[1])
        local written = 0
        for i = 1, #KEYS - 1 do
            local current = redis.call('GETRANGE', KEYS[i], 0, 7)
            -- A value of another length is of another layout or day length: it cannot be compared, only replaced.
            if redis.call('STRLEN', KEYS[i]) ~= #ARGV[2 * i - 1] or version(current) <= new then
                redis.call('SET', KEYS[i], ARGV[2 * i - 1], 'PX', ARGV[2 * i])
                written = written + 1
            end
        end
        if written > 0 then bump(KEYS[#KEYS], ARGV[#ARGV]) end
        return written
        """;

    /// <summary>Stores projections of one staff member made from <paramref name="version"/>; false when Redis did not answer.</summary>
    public async Task<bool> StoreAsync(BusinessId business, StaffId staff, long version, IReadOnlyList<StaffDayBitmap> days)
    {
        if (days.Count == 0) return true;
        var now = clock.GetCurrentInstant();
        var keys = days.Select(d => RedisKeys.Day(business, staff, d.Day.Date)).Append(RedisKeys.Generation(business)).ToArray();
        var args = new List<RedisValue>();
        foreach (var d in days)
        {
            var value = new byte[VersionBytes + d.Bytes.Length];
            System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(value, version);
            d.Bytes.CopyTo(value.AsSpan(VersionBytes));
            args.Add(value);
            args.Add(TimeToLive(d.Day, now));
        }
        args.Add(Generations.Seed());
        return await redis.TryAsync(db => db.ScriptEvaluateAsync(SetIfNewer, keys, args.ToArray())) is not null;
    }

    /// <summary>
    /// The stored bitmaps of the given staff and dates, in one MGET; a day Redis lacks is absent from the result. Null
    /// when Redis did not answer.
    /// </summary>
    public Task<Dictionary<(StaffId, LocalDate), StaffDayBitmap>?> FetchAsync(
        BusinessId business, DateTimeZone zone, IReadOnlyList<StaffId> staff, IReadOnlyList<LocalDate> dates) =>
        redis.TryAsync(async db => Parse(await db.StringGetAsync(Keys(business, staff, dates)), zone, staff, dates));

    /// <summary>The day keys of the staff and dates, staff-major. One MGET may read them all: they share the business's
    /// hash tag, so this is legal on a cluster too.</summary>
    public static RedisKey[] Keys(BusinessId business, IReadOnlyList<StaffId> staff, IReadOnlyList<LocalDate> dates)
    {
        // Prefix + date: formatting each staff id and date once, not once per key, matters at 180 keys a read.
        var dateTexts = dates.Select(d => LocalDatePattern.Iso.Format(d)).ToArray();
        var keys = new RedisKey[staff.Count * dates.Count];
        for (var s = 0; s < staff.Count; s++)
        {
            var prefix = RedisKeys.DayPrefix(business, staff[s]);
            for (var d = 0; d < dates.Count; d++) keys[s * dates.Count + d] = string.Concat(prefix, dateTexts[d]);
        }
        return keys;
    }

    /// <summary>The bitmaps among the values read for <see cref="Keys"/>, in the same order.</summary>
    public static Dictionary<(StaffId, LocalDate), StaffDayBitmap> Parse(RedisValue[] values, DateTimeZone zone, IReadOnlyList<StaffId> staff, IReadOnlyList<LocalDate> dates)
    {
        var days = dates.Select(d => LocalDay.Of(d, zone)).ToArray();
        var result = new Dictionary<(StaffId, LocalDate), StaffDayBitmap>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i].IsNull) continue;
            var day = days[i % dates.Count];
            var value = ((ReadOnlyMemory<byte>)values[i]).Span;
            // A value of the wrong length (the zone's rules changed since) is as good as missing: re-project it.
            if (value.Length == VersionBytes + StaffDayBitmap.ByteLengthOf(day.Minutes))
                result[(staff[i / dates.Count], day.Date)] = StaffDayBitmap.FromBytes(day, value[VersionBytes..]);
        }
        return result;
    }

    /// <summary>Past days are worth little: a day's bitmap lives until two days after it ends.</summary>
    private static long TimeToLive(LocalDay day, Instant now) =>
        Math.Max((long)(day.End + Duration.FromDays(2) - now).TotalMilliseconds, 3_600_000);
}
