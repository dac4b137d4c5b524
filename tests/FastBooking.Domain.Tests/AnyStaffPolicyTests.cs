using FastBooking.Domain.Availability;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;

namespace FastBooking.Domain.Tests;

/// <summary>"Any staff": the union of qualified staff's slots, and the deterministic choice of who gets a booking.</summary>
public class AnyStaffPolicyTests
{
    [Fact]
    public void Any_staff_slot_lists_everyone_free_at_it_in_id_order()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "10:00");
        var ben = salon.AddStaff("09:00", "10:00");
        var cara = salon.AddStaff("09:00", "10:00");
        var hour = salon.AddService(60, staff: [cara, anna, ben]);

        var slot = Query.Slots(salon, hour, Dates.Monday).Single();

        Assert.Equal([anna, ben, cara], slot.StaffIds);
        Assert.Equal(slot.StaffIds.Order(), slot.StaffIds);
    }

    [Fact]
    public void Any_staff_is_the_union_of_each_staff_members_slots()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "10:00");
        var ben = salon.AddStaff("09:30", "10:30");
        var cut = salon.AddService(30);

        var slots = Query.Slots(salon, cut, Dates.Monday);

        Assert.Equal(["09:00", "09:15", "09:30", "09:45", "10:00"], Show.Starts(slots, salon.Zone));
        Assert.Equal([[anna], [anna], [anna, ben], [ben], [ben]], slots.Select(s => s.StaffIds.ToArray()));
    }

    [Fact]
    public void Any_staff_leaves_out_staff_who_do_not_perform_the_service()
    {
        var salon = new SalonBuilder();
        salon.AddStaff("09:00", "10:00");
        var ben = salon.AddStaff("09:00", "10:00");
        var beard = salon.AddService(60, staff: [ben]);

        Assert.Equal([ben], Query.Slots(salon, beard, Dates.Monday).Single().StaffIds);
    }

    [Fact]
    public void Any_staff_leaves_out_whoever_is_booked_at_that_time()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "10:00");
        var ben = salon.AddStaff("09:00", "10:00");
        var hour = salon.AddService(60);
        salon.Book(hour, anna, salon.At(2026, 6, 1, 9, 0));

        Assert.Equal([ben], Query.Slots(salon, hour, Dates.Monday).Single().StaffIds);
    }

    [Fact]
    public void Staff_specific_durations_give_slots_with_different_ends()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "10:00");
        var ben = salon.AddStaff("09:00", "10:00");
        var cut = salon.AddService(30, ownDurations: new Dictionary<StaffId, int> { [ben] = 45 });

        var slots = Query.Slots(salon, cut, Dates.Monday);

        Assert.Equal(["09:00–09:30", "09:00–09:45", "09:15–09:45", "09:15–10:00", "09:30–10:00"], Show.Ranges(slots, salon.Zone));
        Assert.Equal([[anna], [ben], [anna], [ben], [anna]], slots.Select(s => s.StaffIds.ToArray()));
    }

    [Fact]
    public void Staff_specific_duration_sets_how_long_that_staff_member_is_busy()
    {
        var salon = new SalonBuilder();
        var ben = salon.AddStaff("09:00", "10:00");
        var cut = salon.AddService(30, bufferAfter: 10, ownDurations: new Dictionary<StaffId, int> { [ben] = 45 });

        Assert.Equal(["09:00–09:45"], Show.Ranges(Query.Slots(salon, cut, Dates.Monday), salon.Zone));
    }

    private static (SalonBuilder Salon, StaffId Anna, StaffId Ben, StaffId Cara, FastBooking.Domain.Services.Service Cut) ThreeStaff()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "17:00");
        var ben = salon.AddStaff("09:00", "17:00");
        var cara = salon.AddStaff("09:00", "17:00");
        return (salon, anna, ben, cara, salon.AddService(30));
    }

    [Fact]
    public void Policy_chooses_whoever_has_the_fewest_booked_minutes_that_day()
    {
        var (salon, anna, ben, cara, cut) = ThreeStaff();
        salon.Book(cut, anna, salon.At(2026, 6, 1, 9, 0));
        salon.Book(cut, ben, salon.At(2026, 6, 1, 9, 0));
        salon.Book(cut, ben, salon.At(2026, 6, 1, 10, 0));
        salon.Book(cut, cara, salon.At(2026, 6, 1, 9, 0));
        salon.Book(cut, cara, salon.At(2026, 6, 1, 10, 0));

        Assert.Equal(anna, AnyStaffPolicy.Choose([cara, ben, anna], salon.State.Appointments, LocalDay.Of(Dates.Monday, salon.Zone)));
    }

    [Fact]
    public void Policy_orders_everyone_as_it_would_pick_them_one_after_another()
    {
        var (salon, anna, ben, cara, cut) = ThreeStaff();
        salon.Book(cut, anna, salon.At(2026, 6, 1, 9, 0));
        salon.Book(cut, anna, salon.At(2026, 6, 1, 10, 0));
        salon.Book(cut, cara, salon.At(2026, 6, 1, 9, 0));

        var order = AnyStaffPolicy.InOrder([anna, cara, ben], salon.State.Appointments, LocalDay.Of(Dates.Monday, salon.Zone));

        Assert.Equal([ben, cara, anna], order);
    }

    [Fact]
    public void Policy_breaks_ties_by_lowest_staff_id()
    {
        var (salon, anna, ben, cara, cut) = ThreeStaff();
        salon.Book(cut, anna, salon.At(2026, 6, 1, 9, 0));

        Assert.Equal(ben, AnyStaffPolicy.Choose([cara, ben], salon.State.Appointments, LocalDay.Of(Dates.Monday, salon.Zone)));
        Assert.Equal(ben, AnyStaffPolicy.Choose([ben, cara], salon.State.Appointments, LocalDay.Of(Dates.Monday, salon.Zone)));
    }

    [Fact]
    public void Policy_counts_only_minutes_booked_on_that_local_day()
    {
        var (salon, anna, ben, _, cut) = ThreeStaff();
        var hour = salon.AddService(60);
        salon.Book(cut, anna, salon.At(2026, 6, 1, 9, 0));
        salon.Book(hour, ben, salon.At(2026, 6, 2, 9, 0));
        salon.Book(hour, ben, salon.At(2026, 5, 31, 23, 15)); // 15 of its minutes fall on Monday

        Assert.Equal(ben, AnyStaffPolicy.Choose([anna, ben], salon.State.Appointments, LocalDay.Of(Dates.Monday, salon.Zone)));
    }

    [Fact]
    public void Policy_counts_booked_minutes_not_buffers()
    {
        var (salon, anna, ben, _, cut) = ThreeStaff();
        var buffered = salon.AddService(20, bufferBefore: 30, bufferAfter: 30);
        salon.Book(buffered, anna, salon.At(2026, 6, 1, 10, 0)); // 20 minutes booked, 80 occupied
        salon.Book(cut, ben, salon.At(2026, 6, 1, 10, 0));      // 30 minutes booked

        Assert.Equal(anna, AnyStaffPolicy.Choose([anna, ben], salon.State.Appointments, LocalDay.Of(Dates.Monday, salon.Zone)));
    }

    [Fact]
    public void Policy_gives_the_same_staff_for_the_same_state()
    {
        var (salon, anna, ben, cara, cut) = ThreeStaff();
        salon.Book(cut, anna, salon.At(2026, 6, 1, 9, 0));
        var day = LocalDay.Of(Dates.Monday, salon.Zone);
        var appointments = salon.State.Appointments;

        var choices = Enumerable.Range(0, 5)
            .Select(i => AnyStaffPolicy.Choose(new[] { anna, ben, cara }.OrderBy(id => (id.GetHashCode() * (i + 1)) % 7), appointments.Reverse(), day))
            .Distinct();

        Assert.Equal([ben], choices);
    }
}
