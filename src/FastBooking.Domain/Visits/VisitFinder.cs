using FastBooking.Domain.Availability;
using FastBooking.Domain.Holds;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using NodaTime;

namespace FastBooking.Domain.Visits;

/// <summary>
/// Scans projected day bitmaps for bookable visits, with the same lines of free minutes as <see cref="SlotFinder"/>.
/// Each item must be free for its staff member on its own: a visit's items never block each other, so a stylist may
/// go straight from one of its services to the next (their buffers in between overlap), and the items' staff are
/// chosen independently. An item's end (and so the next item's start) depends on the staff member's own duration:
/// a start then has one slot per sequence of lengths, shortest first.
/// </summary>
public static class VisitFinder
{
    /// <param name="bitmaps">For each staff member, bitmaps of every date in <see cref="VisitSearch.DatesToRead"/>; a missing day counts as busy.</param>
    /// <param name="holds">Holds to block; expired ones are ignored.</param>
    public static IReadOnlyList<VisitSlot> Find(VisitSearch search, Func<StaffId, LocalDate, StaffDayBitmap?> bitmaps, IEnumerable<LiveHold> holds, Instant now)
    {
        var slots = new List<VisitSlot>();
        var staff = search.QualifiedStaff();
        if (search.Items.Any(i => i.QualifiedStaff().Count == 0)) return slots;
        var rules = search.Business.Rules;
        var days = search.DatesToRead().Select(d => LocalDay.Of(d, search.Business.Zone)).ToArray();
        using var lines = new StaffTimelines(staff, days, bitmaps, holds, now);
        // Every unit any item may need, one line each; an item needing a resource fits only with one of its units free.
        using var unitLines = new StaffTimelines(search.Units(), days, bitmaps, holds, now);
        var scan = new Scan(lines, staff, search.Items.Select(i => new Leg(i, staff, unitLines)).ToArray(), slots);
        var everyItem = Enumerable.Range(0, staff.Count).Where(s => scan.Legs.All(l => l.Performs[s])).ToArray();

        for (var date = search.From; date <= search.To; date = date.PlusDays(1))
            foreach (var start in SlotGrid.StartsOn(LocalDay.Of(date, search.Business.Zone), rules.SlotIntervalMinutes))
            {
                if (start < now + rules.LeadTime || start > now + rules.BookingWindow) continue;
                if (search.SameStaff) scan.ByOneStaffMember(start, everyItem);
                else scan.Extend(start, 0, start, new VisitSlotItem[scan.Legs.Length]);
            }
        return slots;
    }

    /// <summary>One item's service as each staff member (by position in the scan's staff list) would do it.</summary>
    private sealed class Leg
    {
        private readonly StaffTimelines _units;
        private readonly IReadOnlyList<(int From, int To)>?[] _unitMinutes;

        public Leg(VisitItemSearch item, IReadOnlyList<StaffId> staff, StaffTimelines units)
        {
            _units = units;
            _unitMinutes = staff.Select(s => item.Service.ResourceMinutes(s) is { } used ? new[] { used } : null).ToArray();
            Service = item.Service;
            var asked = item.QualifiedStaff().ToHashSet();
            Performs = staff.Select(asked.Contains).ToArray();
            Busy = staff.Select(s => asked.Contains(s) ? Service.BusyMinutes(s) : []).ToArray();
            Length = staff.Select(Service.DurationFor).ToArray();
            Lengths = Enumerable.Range(0, staff.Count).Where(s => Performs[s]).Select(s => Length[s]).Distinct().Order().ToArray();
        }

        public Service Service { get; }
        public bool[] Performs { get; }
        public IReadOnlyList<(int From, int To)>[] Busy { get; }
        public Duration[] Length { get; }

        /// <summary>The distinct lengths among those asked for, shortest first.</summary>
        public Duration[] Lengths { get; }

        /// <summary>Whether staff member <paramref name="s"/> can do this item at <paramref name="at"/>: free, and a
        /// unit of the resource the service needs (if any) free too.</summary>
        public bool Fits(StaffTimelines lines, int s, Instant at) =>
            lines.IsFree(s, at, Busy[s]) && (_unitMinutes[s] is not { } used || _units.AnyFree((at - lines.Origin).ToInt64Nanoseconds(), used));
    }

    private sealed class Scan(StaffTimelines lines, IReadOnlyList<StaffId> staff, Leg[] legs, List<VisitSlot> slots)
    {
        public Leg[] Legs => legs;

        /// <summary>Item <paramref name="k"/> at <paramref name="at"/>: every staff member free for it, grouped by
        /// length, each group continued by the next item at its end.</summary>
        public void Extend(Instant start, int k, Instant at, VisitSlotItem[] items)
        {
            var leg = legs[k];
            var free = new List<int>();
            for (var s = 0; s < staff.Count; s++)
                if (leg.Performs[s] && leg.Fits(lines, s, at)) free.Add(s);
            foreach (var length in leg.Lengths)
            {
                var group = free.Where(s => leg.Length[s] == length).Select(s => staff[s]).ToArray();
                if (group.Length == 0) continue;
                items[k] = new VisitSlotItem(leg.Service.Id, at, at + length, group);
                if (k + 1 < legs.Length) Extend(start, k + 1, at + length, items);
                else slots.Add(new VisitSlot(start, at + length, items.ToArray()));
            }
        }

        /// <summary>One staff member for every item: those free for all of them, grouped by the items' times.</summary>
        public void ByOneStaffMember(Instant start, int[] candidates)
        {
            var groups = new List<(Instant[] Ends, List<StaffId> Staff)>();
            foreach (var s in candidates)
            {
                var ends = new Instant[legs.Length];
                var at = start;
                var fits = true;
                for (var k = 0; k < legs.Length && fits; k++)
                {
                    fits = legs[k].Fits(lines, s, at);
                    at = ends[k] = at + legs[k].Length[s];
                }
                if (!fits) continue;
                var group = groups.FirstOrDefault(g => g.Ends.AsSpan().SequenceEqual(ends));
                if (group.Staff is null) groups.Add((ends, [staff[s]]));
                else group.Staff.Add(staff[s]);
            }
            groups.Sort((a, b) => Compare(a.Ends, b.Ends));
            foreach (var (ends, members) in groups)
            {
                var items = new VisitSlotItem[legs.Length];
                for (var k = 0; k < legs.Length; k++)
                    items[k] = new VisitSlotItem(legs[k].Service.Id, k == 0 ? start : ends[k - 1], ends[k], members);
                slots.Add(new VisitSlot(start, ends[^1], items));
            }
        }

        private static int Compare(Instant[] a, Instant[] b)
        {
            for (var k = 0; k < a.Length; k++)
                if (a[k].CompareTo(b[k]) is var c and not 0) return c;
            return 0;
        }
    }
}
