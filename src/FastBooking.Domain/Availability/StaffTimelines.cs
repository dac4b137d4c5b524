using System.Buffers;
using FastBooking.Domain.Holds;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using NodaTime;

namespace FastBooking.Domain.Availability;

/// <summary>
/// The free minutes of several staff members over consecutive local days, one line of minute masks each, with their
/// live holds already cleared: what every scan asks, "is this staff member free for these busy ranges from here".
/// Rented from the shared pool; dispose to return it.
/// </summary>
internal sealed class StaffTimelines : IDisposable
{
    private const long NanosPerMinute = 60_000_000_000L;

    private readonly ulong[] _free;
    private readonly int _words;
    private readonly Dictionary<StaffId, int> _index;

    /// <param name="bitmaps">For each staff member, the bitmap of each day; a missing day counts as busy.</param>
    /// <param name="holds">Holds to block; expired ones and those of other staff are ignored.</param>
    public StaffTimelines(IReadOnlyList<StaffId> staff, IReadOnlyList<LocalDay> days, Func<StaffId, LocalDate, StaffDayBitmap?> bitmaps,
        IEnumerable<LiveHold> holds, Instant now)
    {
        Origin = days[0].Start;
        Minutes = days.Sum(d => d.Minutes);
        _words = (Minutes + 63) >> 6;
        _free = ArrayPool<ulong>.Shared.Rent(Math.Max(1, staff.Count * _words));
        Array.Clear(_free, 0, staff.Count * _words);
        _index = new Dictionary<StaffId, int>(staff.Count);
        for (var i = 0; i < staff.Count; i++)
        {
            _index[staff[i]] = i;
            var line = Line(i);
            var offset = 0;
            foreach (var day in days)
            {
                if (bitmaps(staff[i], day.Date) is { } bitmap) MinuteMask.Or(line, offset, bitmap.Bytes);
                offset += day.Minutes;
            }
        }
        foreach (var hold in holds)
        {
            if (!hold.IsLiveAt(now) || !_index.TryGetValue(hold.StaffId, out var i)) continue;
            if (hold.ExpiresAt < FirstExpiry) FirstExpiry = hold.ExpiresAt;
            foreach (var busy in hold.Busy)
                MinuteMask.Clear(Line(i), Minutes, FloorMinutes(busy.Start - Origin), CeilMinutes(busy.End - Origin));
        }
    }

    /// <summary>The start of the first day: where every line begins.</summary>
    public Instant Origin { get; }

    public int Minutes { get; }

    /// <summary>When the first of the blocking holds expires (<see cref="Instant.MaxValue"/> without any).</summary>
    public Instant FirstExpiry { get; } = Instant.MaxValue;

    /// <summary>The line of a staff member given to the constructor, by their position there.</summary>
    public bool IsFree(int staff, Instant start, IReadOnlyList<(int From, int To)> busy) =>
        IsFree(staff, (start - Origin).ToInt64Nanoseconds(), busy);

    /// <summary>Whether every busy range of a start <paramref name="at"/> nanoseconds into the lines is free for the staff member.</summary>
    public bool IsFree(int staff, long at, IReadOnlyList<(int From, int To)> busy)
    {
        var line = Line(staff);
        for (var b = 0; b < busy.Count; b++)
        {
            var from = at + busy[b].From * NanosPerMinute;
            var to = at + busy[b].To * NanosPerMinute;
            if (!MinuteMask.IsFree(line, Minutes, FloorDiv(from, NanosPerMinute), -FloorDiv(-to, NanosPerMinute))) return false;
        }
        return true;
    }

    /// <summary>Whether any of the lines is free for the busy ranges of a start <paramref name="at"/> nanoseconds in
    /// (a resource's units: one free unit is enough).</summary>
    public bool AnyFree(long at, IReadOnlyList<(int From, int To)> busy)
    {
        for (var i = 0; i < _index.Count; i++)
            if (IsFree(i, at, busy)) return true;
        return false;
    }

    /// <summary>Whether any of the given lines (by position) is free for the busy ranges of a start <paramref name="at"/> in.</summary>
    public bool AnyFree(int[] lines, long at, IReadOnlyList<(int From, int To)> busy)
    {
        foreach (var i in lines)
            if (IsFree(i, at, busy)) return true;
        return false;
    }

    public void Dispose() => ArrayPool<ulong>.Shared.Return(_free);

    private Span<ulong> Line(int staff) => _free.AsSpan(staff * _words, _words);

    private static long FloorMinutes(Duration d) => FloorDiv(d.ToInt64Nanoseconds(), NanosPerMinute);
    private static long CeilMinutes(Duration d) => -FloorDiv(-d.ToInt64Nanoseconds(), NanosPerMinute);
    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
