using FastBooking.Domain.Availability;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Visits;
using NodaTime;

namespace FastBooking.Testing;

/// <summary>
/// Visit availability read as literally as possible, for tests only: for each start, every assignment of staff to
/// items (one staff member for all with "same staff"), each item starting when the one before it ends, is bookable
/// when every item is, on its own, bookable as <see cref="ReferenceAvailability"/> would say for its staff member (the
/// grid, lead time and window only for the first start). The bookable assignments of a start are then grouped by
/// their items' times: per item, every staff member of some bookable assignment with those times. Slow on purpose.
/// </summary>
public static class ReferenceVisits
{
    public static IReadOnlyList<VisitSlot> Find(VisitSearch search, SchedulingState state, Instant now)
    {
        var rules = search.Business.Rules;
        var items = search.Items;
        var slots = new List<VisitSlot>();
        for (var date = search.From; date <= search.To; date = date.PlusDays(1))
            foreach (var start in ReferenceAvailability.StartsOn(date, search.Business.Zone, rules.SlotIntervalMinutes).Order())
            {
                if (start - now < rules.LeadTime || start - now > rules.BookingWindow) continue;
                var groups = new SortedDictionary<string, (Instant[] Ends, SortedSet<StaffId>[] Staff)>(StringComparer.Ordinal);
                foreach (var assignment in Assignments(search))
                {
                    var ends = new Instant[items.Count];
                    var at = start;
                    var bookable = true;
                    for (var k = 0; k < items.Count && bookable; k++)
                    {
                        bookable = ReferenceAvailability.IsOpenAndFree(state, assignment[k], items[k].Service.BusyAt(at, assignment[k]), now)
                            && ReferenceAvailability.HasFreeUnit(state, items[k].Service, assignment[k], at, now);
                        at = ends[k] = at + items[k].Service.DurationFor(assignment[k]);
                    }
                    if (!bookable) continue;
                    // Sortable by the ends in order: fixed-width ticks.
                    var key = string.Join("|", ends.Select(e => e.ToUnixTimeTicks().ToString("D20")));
                    if (!groups.TryGetValue(key, out var group))
                        groups[key] = group = (ends, items.Select(_ => new SortedSet<StaffId>()).ToArray());
                    for (var k = 0; k < items.Count; k++) group.Staff[k].Add(assignment[k]);
                }
                foreach (var (ends, staff) in groups.Values)
                    slots.Add(new VisitSlot(start, ends[^1], items.Select((item, k) =>
                        new VisitSlotItem(item.Service.Id, k == 0 ? start : ends[k - 1], ends[k], staff[k].ToList())).ToList()));
            }
        return slots;
    }

    private static IEnumerable<StaffId[]> Assignments(VisitSearch search)
    {
        var asked = search.Items.Select(i => i.Staff.Where(i.Service.IsPerformedBy).Distinct().ToList()).ToList();
        if (search.SameStaff)
        {
            foreach (var staff in asked[0].Where(s => asked.All(a => a.Contains(s))))
                yield return search.Items.Select(_ => staff).ToArray();
            yield break;
        }
        IEnumerable<StaffId[]> all = [[]];
        foreach (var choices in asked)
            all = all.SelectMany(prefix => choices.Select(c => prefix.Append(c).ToArray())).ToList();
        foreach (var assignment in all) yield return assignment;
    }
}
