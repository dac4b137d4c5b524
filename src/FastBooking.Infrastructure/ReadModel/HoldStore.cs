using FastBooking.Application.Holds;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Holds;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using NodaTime;
using StackExchange.Redis;

namespace FastBooking.Infrastructure.ReadModel;

/// <summary>
/// Holds in Redis. One Lua script checks a hold's busy ranges against the staff member's other live holds (and, for a
/// customer's hold, the projected free bitmap) and reserves them, atomically. Expiry needs no sweeper: an expired hold
/// is ignored on read, pruned by the next reservation, and its keys expire on their own. PostgreSQL keeps a durable
/// copy of every customer's hold (<see cref="Holds.HoldRecords"/>), from which <see cref="RestoreAsync"/> stores them again.
/// <para>
/// A staff member's holds are a sorted set scored by expiry; a member names what it blocks and whose it is:
/// <c>start:end[,start:end…]:token</c> (epoch milliseconds, the busy ranges in order — a processing phase is a gap).
/// </para>
/// </summary>
public sealed class HoldStore(RedisGate redis) : IHoldStore
{
    // Parses a member into its ranges ({start, end} pairs) and its token.
    private const string Members = """
        local function parse(member)
            local list, token = string.match(member, '^(.*):([^:]+)$')
            local ranges = {}
            for s, e in string.gmatch(list, '(%d+):(%d+)') do ranges[#ranges + 1] = {tonumber(s), tonumber(e)} end
            return ranges, token
        end

        """;

    // KEYS: holds zset, hold hash, the business's generation, day bitmaps to check (0..n).
    // ARGV: now ms, expiry ms, ttl ms, zset member, generation seed, number of bitmap checks c, then c triples (day key
    //       number 1..n, from bit, to bit), then the hold hash's field/value pairs.
    private const string Reserve = Generations.Bump + Members + """
        local now = tonumber(ARGV[1])
        local mine, own = parse(ARGV[4])
        -- Reservations of the same appointment (a reschedule's, and the booking's stand-in) never refuse each other.
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
        for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
            local theirs, token = parse(member)
            if token ~= own then
                for _, a in ipairs(theirs) do
                    for _, b in ipairs(mine) do
                        if a[1] < b[2] and b[1] < a[2] then
                            if string.sub(token, 1, 4) == 'bkg_' then return 'booking' end
                            return 'held'
                        end
                    end
                end
            end
        end
        local checks = tonumber(ARGV[6])
        for i = 0, checks - 1 do
            local key = KEYS[3 + tonumber(ARGV[7 + 3 * i])]
            local from = tonumber(ARGV[8 + 3 * i])
            local to = tonumber(ARGV[9 + 3 * i])
            if redis.call('EXISTS', key) == 0 then return 'unprojected' end
            -- Day values start with an 8-byte version: minute m is bit 64 + m.
            if to > from and redis.call('BITCOUNT', key, 64 + from, 64 + to - 1, 'BIT') ~= to - from then return 'busy' end
        end
        local first = 7 + 3 * checks

        """ + Store + """

        return 'reserved'
        """;

    // The same keys and arguments, without checks: a hold PostgreSQL kept, stored again as the reservation stored it.
    private const string Restore = Generations.Bump + """
        local first = 7
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])

        """ + Store + """

        return 'restored'
        """;

    // How both scripts store a hold: the zset member (scored by expiry) and the hash, both expiring after the ttl; the
    // generation moves on.
    private const string Store = """
        redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
        if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
        local fields = {}
        for i = first, #ARGV do fields[#fields + 1] = ARGV[i] end
        redis.call('HSET', KEYS[2], unpack(fields))
        redis.call('PEXPIRE', KEYS[2], ARGV[3])
        bump(KEYS[3], ARGV[5])
        """;

    public async Task<Reservation?> ReserveAsync(BusinessId business, Hold hold, Duration timeToLive, Instant now, IReadOnlyList<LocalDay> days)
    {
        var (keys, args) = ScriptInput(business, hold, timeToLive, now, days);
        var result = await redis.TryAsync(db => db.ScriptEvaluateAsync(Reserve, keys, args));
        return result?.ToString() switch
        {
            null => null,
            "reserved" => Reservation.Reserved,
            "held" => Reservation.Held,
            "booking" => Reservation.Booking,
            "busy" => Reservation.Busy,
            _ => Reservation.Unprojected,
        };
    }

    /// <summary>
    /// Stores live holds again exactly as <see cref="ReserveAsync"/> stored them, each expiring in Redis when it
    /// expires; no check (PostgreSQL kept them, so they were placed). False when Redis did not answer.
    /// </summary>
    public async Task<bool> RestoreAsync(BusinessId business, IReadOnlyList<Hold> holds, Instant now) =>
        await redis.TryAsync(async db =>
        {
            var batch = db.CreateBatch();
            var stored = holds.Select(hold =>
            {
                var (keys, args) = ScriptInput(business, hold, Duration.FromMilliseconds(Math.Max(1, Math.Ceiling((hold.ExpiresAt - now).TotalMilliseconds))), now, []);
                return batch.ScriptEvaluateAsync(Restore, keys, args);
            }).ToArray();
            batch.Execute();
            return (object)await Task.WhenAll(stored);
        }) is not null;

    /// <summary>The scripts' keys and arguments (see <see cref="Reserve"/>): each busy range checked on each day it touches.</summary>
    private static (RedisKey[] Keys, RedisValue[] Args) ScriptInput(BusinessId business, Hold hold, Duration timeToLive, Instant now, IReadOnlyList<LocalDay> days)
    {
        var keys = new List<RedisKey> { RedisKeys.Holds(business, hold.StaffId), RedisKeys.Hold(business, hold.Token.Value), RedisKeys.Generation(business) };
        var checks = new List<RedisValue>();
        for (var d = 0; d < days.Count; d++)
        {
            var day = days[d];
            keys.Add(RedisKeys.Day(business, hold.StaffId, day.Date));
            foreach (var busy in hold.Busy)
            {
                var from = Math.Max(0, (long)Math.Floor((busy.Start - day.Start).TotalMinutes));
                var to = Math.Min(day.Minutes, (long)Math.Ceiling((busy.End - day.Start).TotalMinutes));
                if (to > from) checks.AddRange([d + 1, from, to]);
            }
        }
        var member = MemberOf(hold);
        RedisValue[] args =
        [
            Ms(now), Ms(hold.ExpiresAt), (long)timeToLive.TotalMilliseconds, member, Generations.Seed(), checks.Count / 3, .. checks,
            "staff", hold.StaffId.ToString(), "service", hold.ServiceId.ToString(), "start", Ms(hold.Booked.Start),
            "end", Ms(hold.Booked.End), "busy", RangesOf(hold.Busy), "expires", Ms(hold.ExpiresAt), "member", member,
        ];
        return (keys.ToArray(), args);
    }

    public async Task<Hold?> FindAsync(BusinessId business, HoldToken token)
    {
        var entries = await redis.TryAsync(db => db.HashGetAllAsync(RedisKeys.Hold(business, token.Value)));
        if (entries is not { Length: > 0 }) return null;
        var f = entries.ToDictionary(e => e.Name.ToString(), e => e.Value.ToString());
        // A hold stored before phases existed names one occupied range.
        var busy = f.TryGetValue("busy", out var ranges) ? ParseRanges(ranges) : [new Interval(At(f["occStart"]), At(f["occEnd"]))];
        return new Hold(token, new StaffId(Guid.Parse(f["staff"])), new ServiceId(Guid.Parse(f["service"])),
            new Interval(At(f["start"]), At(f["end"])), busy, At(f["expires"]));
    }

    // KEYS: holds zset, hold hash, the business's generation; ARGV: token, generation seed. By token, since whoever frees
    // a booking's stand-in knows the appointment, not the ranges it was reserved with.
    private const string Release = Generations.Bump + """
        local suffix = ':' .. ARGV[1]
        for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
            if string.sub(member, -#suffix) == suffix then redis.call('ZREM', KEYS[1], member) end
        end
        redis.call('DEL', KEYS[2])
        bump(KEYS[3], ARGV[2])
        return 1
        """;

    public Task<bool> ReleaseAsync(BusinessId business, Hold hold) => ReleaseStandInsAsync(business, [(hold.StaffId, hold.Token.Value)]);

    /// <summary>Frees the given holds or reservations (staff, token) in one round trip; false when Redis did not answer.</summary>
    public async Task<bool> ReleaseStandInsAsync(BusinessId business, IReadOnlyList<(StaffId Staff, string Token)> standIns) =>
        standIns.Count == 0 || await redis.TryAsync(async db =>
        {
            var batch = db.CreateBatch();
            var released = standIns.Distinct().Select(r => batch.ScriptEvaluateAsync(Release,
                [RedisKeys.Holds(business, r.Staff), RedisKeys.Hold(business, r.Token), RedisKeys.Generation(business)],
                [r.Token, Generations.Seed()])).ToArray();
            batch.Execute();
            return (object)await Task.WhenAll(released);
        }) is not null;

    // KEYS: holds zset, the old hold's hash, the business's generation; ARGV: old member, new member, its expiry ms,
    // ttl ms, generation seed. The new one needs no hash: only a customer's hold is looked up by token.
    private const string HandOver = Generations.Bump + """
        redis.call('ZREM', KEYS[1], ARGV[1])
        redis.call('DEL', KEYS[2])
        redis.call('ZADD', KEYS[1], ARGV[3], ARGV[2])
        if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[4]) then redis.call('PEXPIRE', KEYS[1], ARGV[4]) end
        bump(KEYS[3], ARGV[5])
        return 1
        """;

    public async Task<bool> HandOverAsync(BusinessId business, Hold from, Hold to, Instant now)
    {
        if (from.StaffId != to.StaffId) throw new ArgumentException("A hold is handed over to the same staff member's range.");
        return await redis.TryAsync(db => db.ScriptEvaluateAsync(HandOver,
            [RedisKeys.Holds(business, from.StaffId), RedisKeys.Hold(business, from.Token.Value), RedisKeys.Generation(business)],
            [MemberOf(from), MemberOf(to), Ms(to.ExpiresAt), Math.Max(1, (long)(to.ExpiresAt - now).TotalMilliseconds), Generations.Seed()])) is not null;
    }

    public Task<List<LiveHold>?> LiveAsync(BusinessId business, IReadOnlyList<StaffId> staff, Instant now) =>
        redis.TryAsync(async db => staff.Count == 0 ? [] : ParseLive(
            (RedisResult[])(await db.ScriptEvaluateAsync(ReadLive, HoldKeys(business, staff), [Ms(now)]))!, staff));

    // KEYS: the staff's holds zsets; ARGV: now ms. Per key, its live members and their expiries (one command for all).
    private const string ReadLive = """
        local live = {}
        for i = 1, #KEYS do
            live[i] = redis.call('ZRANGEBYSCORE', KEYS[i], '(' .. ARGV[1], '+inf', 'WITHSCORES')
        end
        return live
        """;

    public static RedisKey[] HoldKeys(BusinessId business, IReadOnlyList<StaffId> staff) => staff.Select(s => RedisKeys.Holds(business, s)).ToArray();

    /// <summary>The live holds in a reply of ZRANGEBYSCORE … WITHSCORES per staff member, in <paramref name="staff"/> order.</summary>
    public static List<LiveHold> ParseLive(RedisResult[] perStaff, IReadOnlyList<StaffId> staff)
    {
        var holds = new List<LiveHold>();
        for (var i = 0; i < staff.Count; i++)
        {
            var entries = (RedisValue[])perStaff[i]!;
            for (var e = 0; e + 1 < entries.Length; e += 2)
            {
                // The member names what blocks: the busy ranges, then the token.
                var member = entries[e].ToString();
                var split = member.LastIndexOf(':');
                holds.Add(new LiveHold(new HoldToken(member[(split + 1)..]), staff[i], ParseRanges(member[..split]),
                    Instant.FromUnixTimeMilliseconds((long)(double)entries[e + 1])));
            }
        }
        return holds;
    }

    public static long Ms(Instant i) => i.ToUnixTimeMilliseconds();

    private static string MemberOf(Hold h) => $"{RangesOf(h.Busy)}:{h.Token.Value}";

    private static string RangesOf(IReadOnlyList<Interval> busy) => string.Join(',', busy.Select(b => $"{Ms(b.Start)}:{Ms(b.End)}"));

    private static Interval[] ParseRanges(string ranges) => ranges.Split(',').Select(r =>
    {
        var colon = r.IndexOf(':');
        return new Interval(At(r[..colon]), At(r[(colon + 1)..]));
    }).ToArray();
    private static Instant At(string ms) => Instant.FromUnixTimeMilliseconds(long.Parse(ms));
}
