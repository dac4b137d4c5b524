using FastBooking.Domain.Availability;
using FastBooking.Domain.Visits;

namespace FastBooking.Domain.Tests;

public class VisitPlannerTests
{
    private static readonly LocalDate Day = new(2026, 12, 8);

    private static SalonBuilder Salon() => new SalonBuilder().WithRules(r => new(r.Settings with { SlotIntervalMinutes = 15, LeadTimeMinutes = 0 }));

    private static Instant Now(SalonBuilder salon) => salon.At(2026, 12, 1, 8);

    [Fact]
    public void A_stylist_who_does_two_items_in_a_row_goes_straight_from_one_to_the_next_without_the_buffers_between_them()
    {
        var salon = Salon();
        var ann = salon.AddStaff("09:00", "12:00");
        var cut = salon.AddService(30, bufferAfter: 10);
        var blowDry = salon.AddService(30, bufferBefore: 15, bufferAfter: 5);

        var (plan, _) = VisitPlanner.Plan(salon.State, [new(cut, [ann]), new(blowDry, [ann])], sameStaff: false, salon.At(2026, 12, 8, 9), Now(salon));

        Assert.NotNull(plan);
        Assert.Equal(["09:00–09:30"], plan[0].Busy.Select(b => $"{Show.Local(b.Start, salon.Zone)}–{Show.Local(b.End, salon.Zone)}"));
        Assert.Equal(["09:30–10:05"], plan[1].Busy.Select(b => $"{Show.Local(b.Start, salon.Zone)}–{Show.Local(b.End, salon.Zone)}"));
    }

    [Fact]
    public void Between_a_stylists_items_with_another_ones_in_between_the_earlier_buffer_after_comes_first()
    {
        var salon = Salon();
        var ann = salon.AddStaff("09:00", "12:00");
        var bob = salon.AddStaff("09:00", "12:00");
        var cut = salon.AddService(30, bufferAfter: 10);
        var wash = salon.AddService(15);
        var blowDry = salon.AddService(30, bufferBefore: 15);

        var (plan, _) = VisitPlanner.Plan(salon.State, [new(cut, [ann]), new(wash, [bob]), new(blowDry, [ann])], sameStaff: false,
            salon.At(2026, 12, 8, 9), Now(salon));

        Assert.Equal(["09:00–09:40"], plan![0].Busy.Select(b => $"{Show.Local(b.Start, salon.Zone)}–{Show.Local(b.End, salon.Zone)}"));
        Assert.Equal(["09:40–10:15"], plan[2].Busy.Select(b => $"{Show.Local(b.Start, salon.Zone)}–{Show.Local(b.End, salon.Zone)}"));
    }

    [Fact]
    public void When_the_policys_first_stylist_would_leave_no_room_for_the_next_item_the_next_stylist_takes_the_first()
    {
        var salon = Salon();
        var ann = salon.AddStaff("09:00", "12:00"); // the lower id: the policy's first choice
        var bob = salon.AddStaff("09:00", "12:00");
        var cleo = salon.AddStaff("09:45", "12:00");
        var cut = salon.AddService(30, staff: [ann, bob], ownDurations: new Dictionary<FastBooking.Domain.Staff.StaffId, int> { [bob] = 45 });
        var blowDry = salon.AddService(30, staff: [cleo]);

        var (plan, reasons) = VisitPlanner.Plan(salon.State, [new(cut, [ann, bob]), new(blowDry, [cleo])], sameStaff: false, salon.At(2026, 12, 8, 9), Now(salon));

        Assert.True(plan is not null, string.Join("; ", reasons.Select(r => r.Detail)));
        Assert.Equal([bob, cleo], plan.Select(p => p.Staff));
        Assert.Equal("09:45", Show.Local(plan[1].Booked.Start, salon.Zone));
    }

    [Fact]
    public void A_visit_nobody_can_finish_names_the_item_that_cannot_be_taken()
    {
        var salon = Salon();
        var ann = salon.AddStaff("09:00", "09:30");
        var cut = salon.AddService(30);

        var (plan, reasons) = VisitPlanner.Plan(salon.State, [new(cut, [ann]), new(cut, [ann])], sameStaff: false, salon.At(2026, 12, 8, 9), Now(salon));

        Assert.Null(plan);
        Assert.Equal([Reason.OutsideWorkingHours], reasons.Select(r => r.Code));
        Assert.StartsWith("Service 2 of the visit:", reasons[0].Detail);
    }

    [Fact]
    public void The_grid_lead_time_and_window_apply_to_the_first_start_only()
    {
        var salon = Salon();
        var ann = salon.AddStaff("09:00", "12:00");
        var cut = salon.AddService(25);

        var (onGrid, _) = VisitPlanner.Plan(salon.State, [new(cut, [ann]), new(cut, [ann])], sameStaff: false, salon.At(2026, 12, 8, 9), Now(salon));
        var (offGrid, reasons) = VisitPlanner.Plan(salon.State, [new(cut, [ann]), new(cut, [ann])], sameStaff: false, salon.At(2026, 12, 8, 9, 5), Now(salon));

        Assert.Equal("09:25", Show.Local(onGrid![1].Booked.Start, salon.Zone));
        Assert.Null(offGrid);
        Assert.Equal([Reason.OffGrid], reasons.Select(r => r.Code));
    }
}
