using FastBooking.Domain.Availability;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Visits;

namespace FastBooking.Domain.Tests;

public class VisitFinderTests
{
    private static readonly LocalDate Day = new(2026, 12, 8);

    [Fact]
    public void Each_item_starts_when_the_one_before_it_ends_and_the_visit_ends_with_the_last()
    {
        var salon = new SalonBuilder().WithRules(r => new(r.Settings with { SlotIntervalMinutes = 60 }));
        var ann = salon.AddStaff("09:00", "11:00");
        var colour = salon.AddService(65, phases: [new ServicePhase(20, true), new ServicePhase(35, false), new ServicePhase(10, true)]);
        var cut = salon.AddService(30);

        var first = Find(salon, [colour, cut], [ann]).First();

        Assert.Equal("09:00–10:35", $"{Show.Local(first.Start, salon.Zone)}–{Show.Local(first.End, salon.Zone)}");
        Assert.Equal(["09:00–10:05", "10:05–10:35"], first.Items.Select(i => $"{Show.Local(i.Start, salon.Zone)}–{Show.Local(i.End, salon.Zone)}"));
    }

    [Fact]
    public void A_stylist_goes_straight_from_one_of_the_visits_services_to_the_next_though_their_buffers_overlap()
    {
        var salon = new SalonBuilder().WithRules(r => new(r.Settings with { SlotIntervalMinutes = 60 }));
        var ann = salon.AddStaff("09:00", "10:10");
        var cut = salon.AddService(30, bufferAfter: 10);
        var blowDry = salon.AddService(30, bufferBefore: 10);

        var starts = Find(salon, [cut, blowDry], [ann]).Select(v => Show.Local(v.Start, salon.Zone));

        Assert.Equal(["09:00"], starts);
    }

    [Fact]
    public void With_the_same_staff_member_for_all_only_those_free_for_every_item_are_offered()
    {
        var salon = new SalonBuilder().WithRules(r => new(r.Settings with { SlotIntervalMinutes = 60 }));
        var ann = salon.AddStaff("09:00", "10:00");
        var bob = salon.AddStaff("09:00", "11:00");
        var cut = salon.AddService(60);
        var beard = salon.AddService(30);

        var mixed = Find(salon, [cut, beard], [ann, bob]).First();
        var same = Find(salon, [cut, beard], [ann, bob], sameStaff: true).First();

        Assert.Equal([[ann, bob], [bob]], mixed.Items.Select(i => i.StaffIds));
        Assert.Equal([[bob], [bob]], same.Items.Select(i => i.StaffIds));
    }

    [Fact]
    public void A_visit_that_would_run_past_closing_is_not_offered()
    {
        var salon = new SalonBuilder().WithRules(r => new(r.Settings with { SlotIntervalMinutes = 30 }));
        var ann = salon.AddStaff("09:00", "10:30");
        var cut = salon.AddService(60);
        var beard = salon.AddService(30);

        Assert.Equal(["09:00"], Find(salon, [cut, beard], [ann]).Select(v => Show.Local(v.Start, salon.Zone)));
    }

    private static IReadOnlyList<VisitSlot> Find(SalonBuilder salon, Service[] services, StaffId[] staff, bool sameStaff = false) =>
        AvailabilityEngine.FindVisit(new VisitSearch(salon.Business, services.Select(s => new VisitItemSearch(s, staff)).ToList(), sameStaff, Day, Day),
            salon.State, Dates.NowBefore(Day, salon.Zone));
}
