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
/// Holds in Redis. One Lua script checks a range against the staff member's other live holds (and, for a customer's
/// hold, the projected free bitmap) and reserves it, atomically. Expiry needs no sweeper: an expired hold is ignored
/// on read, pruned by the next reservation, and its keys expire on their own. PostgreSQL keeps a durable copy of every
/// customer's hold (<see cref="Holds.HoldRecords"/>), from which <see cref="RestoreAsync"/> stores them again.
/// </summary>
public sealed class HoldStore(RedisGate redis) : IHoldStore
{
    // KEYS: holds zset, hold hash, the business's generation, day bitmaps to check (0..n).
    // ARGV: now ms, occupied start ms, occupied end ms, expiry ms, ttl ms, zset member, generation seed, then
    //       (from bit, to bit) per day, then the hold hash's field/value pairs.
    private const string Reserve = Generations.Bump + """
        local now = tonumber(ARGV[1])
        local occStart = tonumber(ARGV[2])
        local occEnd = tonumber(ARGV[3])
        local days = #KEYS - 3
        -- Reservations of the same appointment (a reschedule's, and the booking's stand-in) never refuse each other.
        local own = string.match(ARGV[6], ':([^:]+)$')
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
        for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
            local s, e, token = string.match(member, '^(%d+):(%d+):(.+)$')
            if token ~= own and tonumber(s) < occEnd and occStart < tonumber(e) then
                if string.find(member, ':bkg_', 1, true) then return 'booking' end
                return 'held'
            end
        end
        for i = 1, days do
            local key = KEYS[3 + i]
            local from = tonumber(ARGV[6 + 2 * i])
            local to = tonumber(ARGV[7 + 2 * i])
            if redis.call('EXISTS', key) == 0 then return 'unprojected' end
            -- Day values start with an 8-byte version: minute m is bit 64 + m.
            if to > from and redis.call('BITCOUNT', key, 64 + from, 64 + to - 1, 'BIT') ~= to - from then return 'busy' end
        end

        """ + Store + """

        return 'reserved'
        """;

    // The same keys and arguments, without days: a hold PostgreSQL kept, stored again as the reservation stored it.
    private const string Restore = Generations.Bump + """
        local days = 0
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])

        """ + Store + """

        return 'restored'
        """;

    // How both scripts store a hold: the zset member (scored by expiry) and the hash, both expiring after the ttl; the
    // generation moves on.
    private const string Store = """
        redis.call('ZADD', KEYS[1], ARGV[4], ARGV[6])
        if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[5]) then redis.call('PEXPIRE', KEYS[1], ARGV[5]) end
        local fields = {}
        for i = 8 + 2 * days, #ARGV do fields[#fields + 1] = ARGV[i] end
        redis.call('HSET', KEYS[2], unpack(fields))
        redis.call('PEXPIRE', KEYS[2], ARGV[5])
        bump(KEYS[3], ARGV[7])
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

    /// <summary>The scripts' keys and arguments (see <see cref="Reserve"/>).</summary>
    private static (RedisKey[] Keys, RedisValue[] Args) ScriptInput(BusinessId business, Hold hold, Duration timeToLive, Instant now, IReadOnlyList<LocalDay> days)
    {
        var keys = new List<RedisKey> { RedisKeys.Holds(business, hold.StaffId), RedisKeys.Hold(business, hold.Token.Value), RedisKeys.Generation(business) };
        var args = new List<RedisValue>
        {
            Ms(now), Ms(hold.Occupied.Start), Ms(hold.Occupied.End), Ms(hold.ExpiresAt), (long)timeToLive.TotalMilliseconds, MemberOf(hold),
            Generations.Seed(),
        };
        foreach (var day in days)
        {
            keys.Add(RedisKeys.Day(business, hold.StaffId, day.Date));
            var from = Math.Max(0, (long)Math.Floor((hold.Occupied.Start - day.Start).TotalMinutes));
            var to = Math.Min(day.Minutes, (long)Math.Ceiling((hold.Occupied.End - day.Start).TotalMinutes));
            args.Add(from);
            args.Add(to);
        }
        args.AddRange(["staff", hold.StaffId.ToString(), "service", hold.ServiceId.ToString(), "start", Ms(hold.Booked.Start),
            "end", Ms(hold.Booked.End), "occStart", Ms(hold.Occupied.Start), "occEnd", Ms(hold.Occupied.End),
            "expires", Ms(hold.ExpiresAt), "member", MemberOf(hold)]);
        return (keys.ToArray(), args.ToArray());
    }

    public async Task<Hold?> FindAsync(BusinessId business, HoldToken token)
    {
        var entries = await redis.TryAsync(db => db.HashGetAllAsync(RedisKeys.Hold(business, token.Value)));
        if (entries is not { Length: > 0 }) return null;
        var f = entries.ToDictionary(e => e.Name.ToString(), e => e.Value.ToString());
        return new Hold(token, new StaffId(Guid.Parse(f["staff"])), new ServiceId(Guid.Parse(f["service"])),
            new Interval(At(f["start"]), At(f["end"])), new Interval(At(f["occStart"]), At(f["occEnd"])), At(f["expires"]));
    }

    // KEYS: holds zset, hold hash, the business's generation; ARGV: zset member, generation seed.
    private const string Release = Generations.Bump + """
        redis.call('ZREM', KEYS[1], ARGV[1])
        redis.call('DEL', KEYS[2])
        bump(KEYS[3], ARGV[2])
        return 1
        """;

    public Task<bool> ReleaseAsync(BusinessId business, Hold hold) => ReleaseAsync(business, hold.StaffId, hold.Occupied, hold.Token.Value);

    /// <summary>Frees the hold or reservation of one staff member's occupied range by its token.</summary>
    public async Task<bool> ReleaseAsync(BusinessId business, StaffId staff, Interval occupied, string token) =>
        await redis.TryAsync(db => db.ScriptEvaluateAsync(Release,
            [RedisKeys.Holds(business, staff), RedisKeys.Hold(business, token), RedisKeys.Generation(business)],
            [MemberOf(occupied, token), Generations.Seed()])) is not null;

    /// <summary>Frees the given reservations (staff, occupied range, token) in one round trip; false when Redis did not answer.</summary>
    public async Task<bool> ReleaseStandInsAsync(BusinessId business, IReadOnlyList<(StaffId Staff, Interval Occupied, string Token)> standIns) =>
        standIns.Count == 0 || await redis.TryAsync(async db =>
        {
            var batch = db.CreateBatch();
            var released = standIns.Select(r => batch.ScriptEvaluateAsync(Release,
                [RedisKeys.Holds(business, r.Staff), RedisKeys.Hold(business, r.Token), RedisKeys.Generation(business)],
                [MemberOf(r.Occupied, r.Token), Generations.Seed()])).ToArray();
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
                // The member names what blocks: the occupied range, then the token.
                var parts = entries[e].ToString().Split(':', 3);
                holds.Add(new LiveHold(new HoldToken(parts[2]), staff[i], new Interval(At(parts[0]), At(parts[1])),
                    Instant.FromUnixTimeMilliseconds((long)(double)entries[e + 1])));
            }
        }
        return holds;
    }

    public static long Ms(Instant i) => i.ToUnixTimeMilliseconds();

    private static string MemberOf(Hold h) => MemberOf(h.Occupied, h.Token.Value);
    private static string MemberOf(Interval occupied, string token) => $"{Ms(occupied.Start)}:{Ms(occupied.End)}:{token}";
    private static Instant At(string ms) => Instant.FromUnixTimeMilliseconds(long.Parse(ms));
}
