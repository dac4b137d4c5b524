using FastBooking.Domain.Availability;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using NodaTime;

namespace FastBooking.Domain.Visits;

/// <summary>
/// One item of a planned visit: who does it, when, what the staff member is busy with, and the free units of the
/// resource it needs (in number order; empty when it needs none).
/// </summary>
public sealed record VisitItemPlan(Service Service, StaffId Staff, Interval Booked, Interval Occupied, IReadOnlyList<Interval> Busy,
    IReadOnlyList<StaffId> FreeUnits)
{
    /// <summary>When the item uses its resource unit; null when the service needs none.</summary>
    public Interval? ResourceRange => Service.ResourceAt(Booked.Start, Staff);
}

/// <summary>
/// Plans a visit at one start against stored state, as <see cref="VisitFinder"/> offers it: each item starts when the
/// one before ends and is checked on its own (<see cref="Bookability.Explain"/>, the grid, lead time and window only
/// for the first start); its staff member is the first the any-staff policy names among those free for it (the
/// visit's earlier items counting as booked) that leaves a way to fit the rest, or with "same staff" the first free
/// for every item. A stylist who does several items of the visit goes straight from one to the next: between two of
/// their items, the earlier one's buffer after runs until the later one starts, and the later one's buffer before
/// starts where that ends, so that no two items' busy ranges overlap (the exclusion constraint sees each item as an
/// appointment of its own).
/// </summary>
public static class VisitPlanner
{
    private static readonly string[] FirstStartOnly = [Reason.OffGrid, Reason.LeadTime, Reason.BookingWindow];

    /// <returns>The plan, or the reasons nobody can take the first item that cannot be taken (prefixed with its place).</returns>
    public static (IReadOnlyList<VisitItemPlan>? Plan, IReadOnlyList<Reason> Reasons) Plan(
        SchedulingState state, IReadOnlyList<VisitItemSearch> items, bool sameStaff, Instant start, Instant now)
    {
        var rules = Bookability.StartReasons(state.Business, start, now).ToList();
        if (rules.Count > 0) return (null, rules);
        var day = LocalDay.Of(start.InZone(state.Business.Zone).Date, state.Business.Zone);

        if (!sameStaff)
        {
            var search = new Search(state, items, day, now);
            return search.Complete(0, start, []) is { } plan ? (Joined(plan), []) : (null, Numbered(search.DeepestK, search.DeepestWhy));
        }

        var everyItem = items.Select(i => i.QualifiedStaff()).Aggregate((a, b) => a.Intersect(b).ToList());
        IReadOnlyList<Reason> first = [new Reason(Reason.ServiceNotOffered, "No staff member performs every service of the visit.")];
        foreach (var staff in AnyStaffPolicy.InOrder(everyItem, state.Appointments, day))
        {
            var plan = new List<VisitItemPlan>();
            var at = start;
            IReadOnlyList<Reason> why = [];
            for (var k = 0; k < items.Count && why.Count == 0; k++)
            {
                (var item, why) = Item(state, items[k], [staff], at, now);
                if (item is null) why = Numbered(k, why);
                else
                {
                    plan.Add(item);
                    at = item.Booked.End;
                }
            }
            if (why.Count == 0) return (Joined(plan), []);
            if (first[0].Code == Reason.ServiceNotOffered) first = why;
        }
        return (null, first);
    }

    /// <summary>
    /// Each item's staff member in any-staff order, depth first: an item's choice whose length leaves no way to fit the
    /// items after it gives way to the next one, so a visit is planned wherever <see cref="VisitFinder"/> offers it.
    /// Whether the items from one onwards fit from a time does not depend on the choices before (a visit's items never
    /// block each other), so each dead end is explored once.
    /// </summary>
    private sealed class Search(SchedulingState state, IReadOnlyList<VisitItemSearch> items, LocalDay day, Instant now)
    {
        private readonly HashSet<(int K, Instant At)> _deadEnds = [];

        public int DeepestK { get; private set; } = -1;
        public IReadOnlyList<Reason> DeepestWhy { get; private set; } = [];

        public List<VisitItemPlan>? Complete(int k, Instant at, List<VisitItemPlan> plan)
        {
            if (k == items.Count) return plan;
            if (_deadEnds.Contains((k, at))) return null;
            // The visit's own earlier items count as booked: "any" spreads a visit over the staff as it does bookings.
            var booked = state.Appointments.Select(a => (a.StaffId, a.Booked)).Concat(plan.Select(p => (p.Staff, p.Booked)));
            var fitted = false;
            IReadOnlyList<Reason>? why = null;
            foreach (var staff in AnyStaffPolicy.InOrderOfBooked(items[k].QualifiedStaff(), booked, day))
            {
                var (item, reasons) = Item(state, items[k], [staff], at, now);
                if (item is null)
                {
                    why ??= reasons;
                    continue;
                }
                fitted = true;
                if (Complete(k + 1, item.Booked.End, [.. plan, item]) is { } done) return done;
            }
            if (!fitted && k > DeepestK)
            {
                DeepestK = k;
                DeepestWhy = why ?? [new Reason(Reason.ServiceNotOffered, $"No staff member performs {items[k].Service.Name}.")];
            }
            _deadEnds.Add((k, at));
            return null;
        }
    }

    /// <summary>The first of <paramref name="staff"/> free for the item at <paramref name="at"/>, or why the first of them is not.</summary>
    private static (VisitItemPlan? Item, IReadOnlyList<Reason> Why) Item(SchedulingState state, VisitItemSearch item, IReadOnlyList<StaffId> staff, Instant at, Instant now)
    {
        IReadOnlyList<Reason>? first = null;
        foreach (var member in staff)
        {
            var reasons = Bookability.Explain(state, item.Service, member, at, now).Where(r => !FirstStartOnly.Contains(r.Code)).ToList();
            if (reasons.Count == 0)
                return (new VisitItemPlan(item.Service, member, item.Service.AppointmentAt(at, member), item.Service.OccupiedAt(at, member),
                    item.Service.BusyAt(at, member), Bookability.FreeUnits(state, item.Service, member, at, now)), []);
            first ??= reasons;
        }
        return (null, first ?? [new Reason(Reason.ServiceNotOffered, $"No staff member performs {item.Service.Name}.")]);
    }

    private static IReadOnlyList<Reason> Numbered(int k, IReadOnlyList<Reason> reasons) =>
        reasons.Select(r => r with { Detail = $"Service {k + 1} of the visit: {r.Detail}" }).ToList();

    /// <summary>
    /// Each staff member's items with the buffers between them shared: an item's busy ranges start no earlier than
    /// where the staff member's previous item of the visit leaves off, and end no later than their next item starts.
    /// The services themselves are never cut, so every item keeps its busy phases.
    /// </summary>
    private static IReadOnlyList<VisitItemPlan> Joined(List<VisitItemPlan> plan)
    {
        var joined = plan.ToArray();
        foreach (var staff in plan.Select(p => p.Staff).Distinct())
        {
            var mine = Enumerable.Range(0, plan.Count).Where(k => plan[k].Staff == staff).ToList();
            Instant? from = null;
            for (var i = 0; i < mine.Count; i++)
            {
                var item = plan[mine[i]];
                var window = new Interval(from ?? item.Occupied.Start, i + 1 < mine.Count ? plan[mine[i + 1]].Booked.Start : item.Occupied.End);
                var busy = IntervalSet.Intersect(item.Busy, [window]);
                joined[mine[i]] = item with { Busy = busy };
                from = busy[^1].End;
            }
        }
        return joined;
    }
}
