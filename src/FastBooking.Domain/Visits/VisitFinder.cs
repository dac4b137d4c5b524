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
        var units = search.Units();
        using var unitLines = new StaffTimelines(units, days, bitmaps, holds, now);
        var unitLine = units.Select((unit, line) => (unit, line)).ToDictionary(u => u.unit, u => u.line);
        var scan = new Scan(lines, staff, search.Items.Select(i => new Leg(i, staff, unitLines, unitLine)).ToArray(), slots);
        var everyItem = Enumerable.Range(0, staff.Count).Where(s => scan.Legs.All(l => l.Performs[s])).ToArray();

        for (var date = search.From; date <= search.To; date = date.PlusDays(1))
            foreach (var start in SlotGrid.StartsOn(LocalDay.Of(date, search.Business.Zone), rules.SlotIntervalMinutes))
            {
                if (start < now + rules.LeadTime || start > now + rules.BookingWindow || !scan.MayFit(start)) continue;
                if (search.SameStaff) scan.ByOneStaffMember(start, everyItem);
                else scan.Extend(start, 0, start);
            }
        return slots;
    }

    /// <summary>One item's service as each staff member (by position in the scan's staff list) would do it.</summary>
    private sealed class Leg
    {
        private readonly StaffTimelines _units;
        private readonly int[] _myUnits; // the lines of the units of this item's own resource kind
        // What each distinct use of a unit is (staff of one length share one), each staff member's (-1: none), and
        // the last answer per use: every staff member asks the same question of the units at one time.
        private readonly IReadOnlyList<(int From, int To)>[] _uses;
        private readonly int[] _use;
        private readonly long[] _askedAt;
        private readonly bool[] _unitFree;

        public Leg(VisitItemSearch item, IReadOnlyList<StaffId> staff, StaffTimelines units, IReadOnlyDictionary<StaffId, int> unitLine)
        {
            _units = units;
            _myUnits = (item.Service.Resource?.Units ?? []).Select(u => unitLine[u]).ToArray();
            Service = item.Service;
            var asked = item.QualifiedStaff().ToHashSet();
            Performs = staff.Select(asked.Contains).ToArray();
            Busy = staff.Select(s => asked.Contains(s) ? Service.BusyMinutes(s) : []).ToArray();
            Length = staff.Select(Service.DurationFor).ToArray();
            Lengths = Enumerable.Range(0, staff.Count).Where(s => Performs[s]).Select(s => Length[s]).Distinct().Order().ToArray();
            var uses = staff.Select(s => Service.ResourceMinutes(s)).ToArray();
            var distinct = uses.OfType<(int From, int To)>().Distinct().ToList();
            _uses = distinct.Select(u => (IReadOnlyList<(int From, int To)>)[u]).ToArray();
            _use = uses.Select(u => u is { } used ? distinct.IndexOf(used) : -1).ToArray();
            _askedAt = Enumerable.Repeat(long.MinValue, distinct.Count).ToArray();
            _unitFree = new bool[distinct.Count];
        }

        public Service Service { get; }
        public bool[] Performs { get; }
        public IReadOnlyList<(int From, int To)>[] Busy { get; }
        public Duration[] Length { get; }

        /// <summary>The distinct lengths among those asked for, shortest first.</summary>
        public Duration[] Lengths { get; }

        /// <summary>Whether staff member <paramref name="s"/> can do this item <paramref name="at"/> nanoseconds into the
        /// lines: performs it, is free, and a unit of the resource the service needs (if any) is free too.</summary>
        public bool Fits(StaffTimelines lines, int s, long at)
        {
            if (!Performs[s]) return false;
            var use = _use[s];
            return (use < 0 || UnitFree(use, at)) && lines.IsFree(s, at, Busy[s]);
        }

        /// <summary>Whether the item needs no resource, or a unit is free for one of its uses <paramref name="at"/>.</summary>
        public bool AnyUnitFree(long at)
        {
            if (_uses.Length == 0) return true;
            for (var use = 0; use < _uses.Length; use++)
                if (UnitFree(use, at)) return true;
            return false;
        }

        private bool UnitFree(int use, long at)
        {
            if (_askedAt[use] != at)
            {
                _askedAt[use] = at;
                _unitFree[use] = _units.AnyFree(_myUnits, at, _uses[use]);
            }
            return _unitFree[use];
        }
    }

    private sealed class Scan(StaffTimelines lines, IReadOnlyList<StaffId> staff, Leg[] legs, List<VisitSlot> slots)
    {
        // Per item of the sequence being extended: the staff free for it, how many, and the chosen start and length.
        // Slots are made only for sequences that reach the last item.
        private readonly int[][] _free = legs.Select(_ => new int[staff.Count]).ToArray();
        private readonly int[] _count = new int[legs.Length];
        private readonly Instant[] _at = new Instant[legs.Length];
        private readonly Duration[] _length = new Duration[legs.Length];

        public Leg[] Legs => legs;

        /// <summary>
        /// False when some item at a time fixed by the start (every item before it has one length) finds no unit of
        /// its resource free, or nobody free for it: most starts of a busy day fail one item, and finding that takes
        /// a few unit lines and the staff lines up to the first one free, not every item's full list.
        /// </summary>
        public bool MayFit(Instant start)
        {
            var fixedItems = 0;
            var at = start;
            foreach (var leg in legs)
            {
                if (!leg.AnyUnitFree((at - lines.Origin).ToInt64Nanoseconds())) return false;
                fixedItems++;
                if (leg.Lengths.Length != 1) break;
                at += leg.Lengths[0];
            }
            // The first item's full list is made next anyway: the later ones are asked first.
            at = start;
            for (var k = 1; k < fixedItems; k++)
            {
                at += legs[k - 1].Lengths[0];
                if (!AnyoneFits(legs[k], (at - lines.Origin).ToInt64Nanoseconds())) return false;
            }
            return true;
        }

        private bool AnyoneFits(Leg leg, long at)
        {
            for (var s = 0; s < staff.Count; s++)
                if (leg.Fits(lines, s, at)) return true;
            return false;
        }

        /// <summary>Item <paramref name="k"/> at <paramref name="at"/>: every staff member free for it, grouped by
        /// length, each group continued by the next item at its end.</summary>
        public void Extend(Instant start, int k, Instant at)
        {
            var leg = legs[k];
            var ns = (at - lines.Origin).ToInt64Nanoseconds();
            var free = _free[k];
            var n = 0;
            for (var s = 0; s < staff.Count; s++)
                if (leg.Fits(lines, s, ns)) free[n++] = s;
            _count[k] = n;
            if (n == 0) return;
            _at[k] = at;
            foreach (var length in leg.Lengths)
            {
                if (!HasLength(k, length)) continue;
                _length[k] = length;
                if (k + 1 < legs.Length) Extend(start, k + 1, at + length);
                else slots.Add(Slot(start));
            }
        }

        private bool HasLength(int k, Duration length)
        {
            for (var i = 0; i < _count[k]; i++)
                if (legs[k].Length[_free[k][i]] == length) return true;
            return false;
        }

        /// <summary>The sequence chosen so far, item by item with its staff of the chosen length.</summary>
        private VisitSlot Slot(Instant start)
        {
            var items = new VisitSlotItem[legs.Length];
            for (var k = 0; k < legs.Length; k++)
            {
                var (free, n, length) = (_free[k], _count[k], _length[k]);
                var size = 0;
                for (var i = 0; i < n; i++) if (legs[k].Length[free[i]] == length) size++;
                var group = new StaffId[size];
                for (int i = 0, g = 0; i < n; i++) if (legs[k].Length[free[i]] == length) group[g++] = staff[free[i]];
                items[k] = new VisitSlotItem(legs[k].Service.Id, _at[k], _at[k] + length, group);
            }
            return new VisitSlot(start, items[^1].End, items);
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
                    fits = legs[k].Fits(lines, s, (at - lines.Origin).ToInt64Nanoseconds());
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
