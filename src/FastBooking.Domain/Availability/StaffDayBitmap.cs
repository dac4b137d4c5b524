using FastBooking.Domain.Time;
using NodaTime;

namespace FastBooking.Domain.Availability;

/// <summary>
/// What is free of one staff member's local day, one bit a minute.
/// <para>
/// Byte layout (stable: the Redis projection stores exactly these bytes, and its Lua scripts read them):
/// bit <c>i</c> is minute <c>i</c> elapsed since <see cref="LocalDay.Start"/>; it lives in byte <c>i / 8</c>
/// at mask <c>0x80 &gt;&gt; (i % 8)</c> (most significant bit first — the order of Redis GETBIT/SETBIT/BITPOS);
/// 1 means free, 0 busy; the length is <c>ceil(minutes / 8)</c> bytes for a 1380-, 1440- or 1500-minute day,
/// and the padding bits of the last byte are 0.
/// </para>
/// Busy ranges round outward to whole minutes and free ranges inward, so a bitmap never claims more free time than there is.
/// </summary>
public sealed class StaffDayBitmap
{
    private const long NanosPerMinute = 60_000_000_000L;
    private readonly byte[] _bits;

    public LocalDay Day { get; }
    public int Minutes { get; }

    private StaffDayBitmap(LocalDay day, byte[] bits)
    {
        Day = day;
        Minutes = day.Minutes;
        _bits = bits;
    }

    public static int ByteLengthOf(int minutes) => (minutes + 7) / 8;

    public static StaffDayBitmap AllBusy(LocalDay day) => new(day, new byte[ByteLengthOf(day.Minutes)]);

    public static StaffDayBitmap FromBytes(LocalDay day, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != ByteLengthOf(day.Minutes))
            throw new ArgumentException($"A bitmap of {day.Date} holds {ByteLengthOf(day.Minutes)} bytes, not {bytes.Length}.");
        return new StaffDayBitmap(day, bytes.ToArray());
    }

    public ReadOnlySpan<byte> Bytes => _bits;

    public byte[] ToArray() => (byte[])_bits.Clone();

    public StaffDayBitmap Clone() => new(Day, ToArray());

    /// <summary>Marks the whole minutes inside <paramref name="range"/> free.</summary>
    public void MarkFree(Interval range)
    {
        if (Within(range) is { } r) Set(CeilMinute(r.Start), FloorMinute(r.End), true);
    }

    /// <summary>Marks every minute that <paramref name="range"/> touches busy.</summary>
    public void MarkBusy(Interval range)
    {
        if (Within(range) is { } r) Set(FloorMinute(r.Start), CeilMinute(r.End), false);
    }

    /// <summary>The part of a range inside this day, if any: minutes are counted only within the day, so that a range
    /// however far away (a hold years ahead) never overflows the arithmetic.</summary>
    private Interval? Within(Interval range)
    {
        var start = range.Start > Day.Start ? range.Start : Day.Start;
        var end = range.End < Day.End ? range.End : Day.End;
        return start <= end ? new Interval(start, end) : null;
    }

    public bool IsFree(int minute) => (_bits[minute >> 3] & (0x80 >> (minute & 7))) != 0;

    /// <summary>Whether every minute of [from, to) is free; minutes outside the day count as busy.</summary>
    public bool IsFree(int from, int to)
    {
        if (from < 0 || to > Minutes) return false;
        for (var m = from; m < to;)
        {
            if ((m & 7) == 0 && m + 8 <= to)
            {
                if (_bits[m >> 3] != 0xFF) return false;
                m += 8;
            }
            else
            {
                if (!IsFree(m)) return false;
                m++;
            }
        }
        return true;
    }

    /// <summary>The maximal free runs, as [from, to) minute offsets, in order.</summary>
    public IEnumerable<(int From, int To)> FreeRuns()
    {
        var m = 0;
        while (m < Minutes)
        {
            while (m < Minutes && !IsFree(m)) m++;
            var start = m;
            while (m < Minutes && IsFree(m)) m++;
            if (m > start) yield return (start, m);
        }
    }

    /// <summary>Offset of an instant in minutes since the day start, rounded down (may fall outside the day).</summary>
    public long FloorMinute(Instant instant) => FloorDiv((instant - Day.Start).ToInt64Nanoseconds(), NanosPerMinute);

    public long CeilMinute(Instant instant) => -FloorDiv(-(instant - Day.Start).ToInt64Nanoseconds(), NanosPerMinute);

    public Instant InstantAt(int minute) => Day.Start + Duration.FromMinutes(minute);

    private void Set(long from, long to, bool free)
    {
        var lo = (int)Math.Max(0, from);
        var hi = (int)Math.Min(Minutes, to);
        for (var m = lo; m < hi;)
        {
            if ((m & 7) == 0 && m + 8 <= hi)
            {
                _bits[m >> 3] = free ? (byte)0xFF : (byte)0;
                m += 8;
                continue;
            }
            var mask = (byte)(0x80 >> (m & 7));
            _bits[m >> 3] = free ? (byte)(_bits[m >> 3] | mask) : (byte)(_bits[m >> 3] & ~mask);
            m++;
        }
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
