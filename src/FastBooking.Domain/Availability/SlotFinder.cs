using System.Buffers;
using FastBooking.Domain.Holds;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using NodaTime;

namespace FastBooking.Domain.Availability;

/// <summary>Receives the slots of a scan in order (start, then end), each with its staff in id order.</summary>
public interface ISlotSink
{
    void Add(Instant start, Instant end, ReadOnlySpan<StaffId> staff);
}

/// <summary>
/// Scans projected day bitmaps for bookable slots. This is the one slot-finding rule of the engine: the direct
/// (PostgreSQL) path and the Redis read path differ only in where the bitmaps come from.
/// </summary>
public static class SlotFinder
{
    /// <param name="bitmaps">For each staff member, bitmaps of every date in <see cref="SlotSearch.DatesToRead"/>; a missing day counts as busy.</param>
    /// <param name="holds">Holds to block; expired ones are ignored.</param>
    public static IReadOnlyList<Slot> Find(SlotSearch search, Func<StaffId, LocalDate, StaffDayBitmap?> bitmaps, IEnumerable<LiveHold> holds, Instant now)
    {
        var slots = new SlotList();
        Scan(search, bitmaps, holds, now, slots);
        return slots.Slots;
    }

    /// <summary>
    /// Streams the slots of <see cref="Find"/> to a sink, and answers until when (exclusive) the same state gives the
    /// same slots: the clock moves the first and last bookable start (lead time, booking window) and expires holds.
    /// </summary>
    public static Instant Scan(SlotSearch search, Func<StaffId, LocalDate, StaffDayBitmap?> bitmaps, IEnumerable<LiveHold> holds, Instant now, ISlotSink sink)
    {
        var rules = search.Business.Rules;
        var earliest = now + rules.LeadTime;
        var latest = now + rules.BookingWindow;
        var staff = search.QualifiedStaff();

        var days = search.DatesToRead().Select(d => LocalDay.Of(d, search.Business.Zone)).ToArray();
        using var lines = new StaffTimelines(staff, days, bitmaps, holds, now);
        // A service that needs a resource fits a start only while one of its units is free as well.
        using var units = new StaffTimelines(search.Service.Resource?.Units ?? [], days, bitmaps, holds, now);
        var until = Min(lines.FirstExpiry, units.FirstExpiry);
        var fits = ArrayPool<StaffId>.Shared.Rent(Math.Max(1, staff.Count));
        var fitting = ArrayPool<int>.Shared.Rent(Math.Max(1, staff.Count));
        try
        {
            // What a start keeps each staff member busy with, in minutes from the start (the duration may be their own).
            var busyMinutes = new IReadOnlyList<(int From, int To)>[staff.Count];
            var unitMinutes = new IReadOnlyList<(int From, int To)>?[staff.Count];
            var length = new Duration[staff.Count];
            var sameLength = true;
            for (var i = 0; i < staff.Count; i++)
            {
                busyMinutes[i] = search.Service.BusyMinutes(staff[i]);
                unitMinutes[i] = search.Service.ResourceMinutes(staff[i]) is { } used ? [used] : null;
                length[i] = search.Service.DurationFor(staff[i]);
                sameLength &= length[i] == length[0];
            }

            // Staff with their own durations: the distinct lengths, shortest first, and room for one group of staff.
            Duration[] lengths = sameLength ? [] : length.Distinct().Order().ToArray();
            StaffId[] group = sameLength ? [] : new StaffId[staff.Count];
            bool firstIncluded = false, firstExcludedLate = false;
            for (var date = search.From; date <= search.To; date = date.PlusDays(1))
            {
                foreach (var start in SlotGrid.StartsOn(LocalDay.Of(date, search.Business.Zone), rules.SlotIntervalMinutes))
                {
                    if (start < earliest) continue;
                    if (start > latest)
                    {
                        // The window reaches this start (the first one beyond it) once now + window gets there.
                        if (!firstExcludedLate) until = Min(until, start - rules.BookingWindow);
                        firstExcludedLate = true;
                        continue;
                    }
                    // The lead time passes the first bookable start just after now + lead time reaches it.
                    if (!firstIncluded) until = Min(until, start - rules.LeadTime + Duration.Epsilon);
                    firstIncluded = true;

                    var at = (start - lines.Origin).ToInt64Nanoseconds();
                    var count = 0;
                    for (var i = 0; i < staff.Count; i++)
                    {
                        if (!lines.IsFree(i, at, busyMinutes[i])) continue;
                        if (unitMinutes[i] is { } used && !units.AnyFree(at, used)) continue;
                        fits[count] = staff[i];
                        fitting[count++] = i;
                    }
                    if (count == 0) continue;
                    if (sameLength)
                        sink.Add(start, start + length[0], fits.AsSpan(0, count));
                    else
                        AddByEnd(sink, start, fits.AsSpan(0, count), fitting.AsSpan(0, count), length, lengths, group);
                }
            }
            return until;
        }
        finally
        {
            ArrayPool<StaffId>.Shared.Return(fits);
            ArrayPool<int>.Shared.Return(fitting);
        }
    }

    /// <summary>Staff with their own durations share a start but not an end: one slot per end, shortest first.</summary>
    private static void AddByEnd(ISlotSink sink, Instant start, Span<StaffId> staff, Span<int> staffIndex, Duration[] length, Duration[] lengths, StaffId[] group)
    {
        foreach (var each in lengths)
        {
            var n = 0;
            for (var k = 0; k < staff.Length; k++)
                if (length[staffIndex[k]] == each) group[n++] = staff[k];
            if (n > 0) sink.Add(start, start + each, group.AsSpan(0, n));
        }
    }

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;

    /// <summary>Collects a scan's slots, for callers that want them as values.</summary>
    private sealed class SlotList : ISlotSink
    {
        public List<Slot> Slots { get; } = [];

        public void Add(Instant start, Instant end, ReadOnlySpan<StaffId> staff) => Slots.Add(new Slot(start, end, staff.ToArray()));
    }
}

/// <summary>
/// A staff member's consecutive days as one line of minutes, 64 to a word (bit m % 64 of word m / 64 is minute m,
/// 1 = free), so that a range crossing local midnight is tested against both days with a few word operations.
/// </summary>
internal static class MinuteMask
{
    private static readonly byte[] Reversed = Enumerable.Range(0, 256).Select(b =>
    {
        var r = 0;
        for (var bit = 0; bit < 8; bit++) if ((b & (0x80 >> bit)) != 0) r |= 1 << bit;
        return (byte)r;
    }).ToArray();

    /// <summary>Adds a day's free minutes (StaffDayBitmap bytes: most significant bit first; padding bits are 0) at <paramref name="offset"/>.</summary>
    public static void Or(Span<ulong> mask, int offset, ReadOnlySpan<byte> day)
    {
        for (var b = 0; b < day.Length; b++)
        {
            if (day[b] == 0) continue;
            var at = offset + (b << 3);
            ulong bits = Reversed[day[b]];
            mask[at >> 6] |= bits << (at & 63);
            if ((at & 63) > 56 && (at >> 6) + 1 < mask.Length) mask[(at >> 6) + 1] |= bits >> (64 - (at & 63));
        }
    }

    /// <summary>Marks [from, to) busy, clipped to the line.</summary>
    public static void Clear(Span<ulong> mask, int minutes, long from, long to)
    {
        var lo = (int)Math.Max(0, from);
        var hi = (int)Math.Min(minutes, to);
        for (var m = lo; m < hi;)
        {
            var bit = m & 63;
            var n = Math.Min(64 - bit, hi - m);
            mask[m >> 6] &= ~(Ones(n) << bit);
            m += n;
        }
    }

    /// <summary>Whether every minute of [from, to) is free; minutes outside the line count as busy.</summary>
    public static bool IsFree(ReadOnlySpan<ulong> mask, int minutes, long from, long to)
    {
        if (from < 0 || to > minutes) return false;
        for (var m = (int)from; m < to;)
        {
            var bit = m & 63;
            var n = (int)Math.Min(64 - bit, to - m);
            var want = Ones(n) << bit;
            if ((mask[m >> 6] & want) != want) return false;
            m += n;
        }
        return true;
    }

    private static ulong Ones(int n) => n >= 64 ? ulong.MaxValue : (1UL << n) - 1;
}
