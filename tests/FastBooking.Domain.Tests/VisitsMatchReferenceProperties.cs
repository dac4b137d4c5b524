using FastBooking.Domain.Availability;
using FastBooking.Domain.Visits;
using FsCheck.Xunit;

namespace FastBooking.Domain.Tests;

/// <summary>
/// Visit availability (services in sequence) against the naive reference, on the random salons of
/// <see cref="EngineMatchesReferenceProperties"/>: DST days, processing time, buffers, staff-specific durations.
/// </summary>
public class VisitsMatchReferenceProperties
{
    [Property(MaxTest = 150)]
    public void Engine_finds_exactly_the_visits_of_the_reference(Seed seed)
    {
        var (c, search) = RandomVisit(seed.Item);

        var engine = AvailabilityEngine.FindVisit(search, c.Salon.State, c.Now);
        var reference = ReferenceVisits.Find(search, c.Salon.State, c.Now);

        Assert.True(Show.Exactly(reference).SequenceEqual(Show.Exactly(engine)),
            $"{c}, {search.Items.Count} items, same staff {search.SameStaff}\nreference only: {string.Join("; ", Show.Exactly(reference).Except(Show.Exactly(engine)).Take(3))}" +
            $"\nengine only: {string.Join("; ", Show.Exactly(engine).Except(Show.Exactly(reference)).Take(3))}");
    }

    [Property(MaxTest = 100)]
    public void A_visit_of_one_service_has_the_slots_of_that_service(Seed seed)
    {
        var c = RandomSalon.Generate(seed.Item);
        var visit = new VisitSearch(c.Salon.Business, [new VisitItemSearch(c.Service, c.Search.Staff)], sameStaff: false, c.Search.From, c.Search.To);

        var single = AvailabilityEngine.Find(c.Search, c.Salon.State, c.Now);
        var visits = AvailabilityEngine.FindVisit(visit, c.Salon.State, c.Now);

        Assert.Equal(Show.Exactly(single), visits.Select(v => $"{v.Start}/{v.End}/{string.Join(",", v.Items[0].StaffIds)}").ToList());
    }

    [Property(MaxTest = 100)]
    public void A_visit_can_be_planned_at_a_start_exactly_when_it_is_offered_there_with_the_staff_and_times_offered(Seed seed)
    {
        var (c, search) = RandomVisit(seed.Item);
        var state = c.Salon.State;
        var offered = AvailabilityEngine.FindVisit(search, state, c.Now).GroupBy(v => v.Start).ToDictionary(g => g.Key, g => g.ToList());

        for (var date = search.From; date <= search.To; date = date.PlusDays(1))
            foreach (var start in SlotGrid.StartsOn(FastBooking.Domain.Time.LocalDay.Of(date, c.Salon.Zone), c.Salon.Business.Rules.SlotIntervalMinutes))
            {
                var (plan, reasons) = VisitPlanner.Plan(state, search.Items, search.SameStaff, start, c.Now);
                Assert.True(offered.ContainsKey(start) == plan is not null,
                    $"{c}, same staff {search.SameStaff}\nat {start}: offered {offered.ContainsKey(start)}, planned {plan is not null} [{string.Join(", ", reasons.Select(r => r.Code))}]");
                if (plan is null) continue;
                // The plan is one of the offered sequences: its times, and each item's staff member among those offered.
                Assert.Contains(offered[start], v => v.Items.Select((item, k) => (item.Start, item.End)).SequenceEqual(plan.Select(p => (p.Booked.Start, p.Booked.End)))
                    && v.Items.Select((item, k) => item.StaffIds.Contains(plan[k].Staff)).All(x => x));
                // No two of the staff member's own items overlap where they are busy, and every item keeps its busy phases.
                foreach (var (a, b) in plan.SelectMany((p, i) => plan.Skip(i + 1).Select(q => (p, q))).Where(pair => pair.p.Staff == pair.q.Staff))
                    Assert.False(FastBooking.Domain.Time.IntervalSet.Overlaps(a.Busy, b.Busy), $"{c}\nat {start}: items overlap");
                Assert.All(plan, p => Assert.True(p.Service.BusyAt(p.Booked.Start, p.Staff).Where(b => p.Booked.Contains(b.Start))
                    .All(b => FastBooking.Domain.Time.IntervalSet.Covers(p.Busy, new Interval(b.Start, b.End < p.Booked.End ? b.End : p.Booked.End)))));
            }
    }

    /// <summary>Two or three items of the case's two services, each for one staff member or anyone, now and then one staff member for all.</summary>
    private static (RandomCase Case, VisitSearch Search) RandomVisit(int seed)
    {
        var c = RandomSalon.Generate(seed);
        var random = new Random(seed ^ 0x5EED);
        var items = Enumerable.Range(0, random.Next(2, 4)).Select(_ =>
        {
            var service = random.Next(2) == 0 ? c.Service : c.Other;
            IReadOnlyList<FastBooking.Domain.Staff.StaffId> staff = random.Next(4) == 0 ? [c.Salon.Staff[random.Next(c.Salon.Staff.Count)]] : c.Salon.Staff;
            return new VisitItemSearch(service, staff);
        }).ToList();
        return (c, new VisitSearch(c.Salon.Business, items, sameStaff: random.Next(4) == 0, c.Search.From, c.Search.To));
    }
}
