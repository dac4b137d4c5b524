using FastBooking.Domain.Availability;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using NodaTime.Testing;

namespace FastBooking.Domain.Tests;

public class SlotFinderTests
{
    [Fact]
    public void Slots_fill_working_hours_on_the_grid_and_may_end_at_closing()
    {
        var salon = new SalonBuilder();
        salon.AddStaff("09:00", "10:00");
        var cut = salon.AddService(30);

        Assert.Equal(["09:00–09:30", "09:15–09:45", "09:30–10:00"], Show.Ranges(Query.Slots(salon, cut, Dates.Monday), salon.Zone));
    }

    [Fact]
    public void Split_shift_gives_slots_in_both_shifts_and_none_in_the_gap()
    {
        var salon = new SalonBuilder();
        salon.AddStaff([SalonBuilder.Hours("09:00", "10:00"), SalonBuilder.Hours("11:00", "12:00")]);
        var cut = salon.AddService(30);

        Assert.Equal(["09:00", "09:15", "09:30", "11:00", "11:15", "11:30"], Query.Starts(salon, cut, Dates.Monday));
    }

    [Fact]
    public void Service_cannot_bridge_the_gap_of_a_split_shift()
    {
        var salon = new SalonBuilder();
        salon.AddStaff([SalonBuilder.Hours("09:00", "10:00"), SalonBuilder.Hours("10:15", "11:00")]);
        var hourLong = salon.AddService(60);

        Assert.Equal(["09:00"], Query.Starts(salon, hourLong, Dates.Monday));
    }

    [Fact]
    public void Break_blocks_starts_that_would_overlap_it()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "12:00");
        salon.AddBreak(anna, "10:00", "10:30");
        var cut = salon.AddService(30);

        Assert.Equal(["09:00", "09:15", "09:30", "10:30", "10:45", "11:00", "11:15", "11:30"], Query.Starts(salon, cut, Dates.Monday));
    }

    [Fact]
    public void Time_off_for_part_of_a_day_blocks_only_that_part()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "12:00");
        salon.AddTimeOff(anna, salon.At(2026, 6, 1, 10, 0), salon.At(2026, 6, 1, 11, 0));
        var cut = salon.AddService(30);

        Assert.Equal(["09:00", "09:15", "09:30", "11:00", "11:15", "11:30"], Query.Starts(salon, cut, Dates.Monday));
    }

    [Fact]
    public void Time_off_spanning_several_days_leaves_no_slots_until_it_ends()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "17:00");
        salon.AddTimeOff(anna, salon.At(2026, 5, 31, 12, 0), salon.At(2026, 6, 3, 16, 0));
        var cut = salon.AddService(30);

        var slots = Query.Slots(salon, cut, Dates.Monday, to: Dates.Wednesday);

        Assert.Equal(["2026-06-03 16:00", "2026-06-03 16:15", "2026-06-03 16:30"], slots.Select(s => Show.LocalDateTime(s.Start, salon.Zone)));
    }

    [Fact]
    public void Override_with_special_hours_replaces_that_days_slots()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "17:00");
        salon.AddOverride(anna, Dates.Monday, SalonBuilder.Hours("18:00", "19:00"));
        var cut = salon.AddService(30);

        Assert.Equal(["18:00", "18:15", "18:30"], Query.Starts(salon, cut, Dates.Monday));
    }

    [Fact]
    public void Closed_override_gives_no_slots_that_day_only()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "10:00");
        salon.AddOverride(anna, Dates.Monday);
        var cut = salon.AddService(30);

        Assert.Empty(Query.Slots(salon, cut, Dates.Monday));
        Assert.Equal(["09:00", "09:15", "09:30"], Query.Starts(salon, cut, Dates.Tuesday));
    }

    [Fact]
    public void Appointment_blocks_starts_that_overlap_it()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "11:00");
        var cut = salon.AddService(30);
        salon.Book(cut, anna, salon.At(2026, 6, 1, 9, 45));

        Assert.Equal(["09:00", "09:15", "10:15", "10:30"], Query.Starts(salon, cut, Dates.Monday));
    }

    [Fact]
    public void Buffer_after_blocks_the_next_start()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "11:00");
        var colour = salon.AddService(30, bufferAfter: 15);
        var cut = salon.AddService(30);
        salon.Book(colour, anna, salon.At(2026, 6, 1, 9, 0)); // occupies 09:00–09:45

        Assert.Equal(["09:45", "10:00", "10:15", "10:30"], Query.Starts(salon, cut, Dates.Monday));
    }

    [Fact]
    public void Buffer_before_blocks_a_start_right_after_a_neighbour()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "11:00");
        var cut = salon.AddService(30);
        var prepared = salon.AddService(30, bufferBefore: 15);
        salon.Book(cut, anna, salon.At(2026, 6, 1, 9, 15)); // occupies 09:15–09:45

        Assert.Equal(["10:00", "10:15", "10:30"], Query.Starts(salon, prepared, Dates.Monday));
    }

    [Fact]
    public void Buffer_after_of_the_new_booking_must_clear_the_next_appointment()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "11:30");
        var cut = salon.AddService(30);
        var messy = salon.AddService(30, bufferAfter: 15);
        salon.Book(cut, anna, salon.At(2026, 6, 1, 10, 0)); // occupies 10:00–10:30

        Assert.Equal(["09:00", "09:15", "10:30", "10:45"], Query.Starts(salon, messy, Dates.Monday));
    }

    [Fact]
    public void Buffers_count_as_busy_time_inside_working_hours()
    {
        var salon = new SalonBuilder();
        salon.AddStaff("09:00", "10:30");
        var buffered = salon.AddService(30, bufferBefore: 15, bufferAfter: 15);

        Assert.Equal(["09:15", "09:30", "09:45"], Query.Starts(salon, buffered, Dates.Monday));
    }

    [Fact]
    public void Buffer_before_reaches_back_into_the_previous_days_open_time()
    {
        var salon = new SalonBuilder();
        salon.AddStaff("00:00", "24:00");
        var buffered = salon.AddService(30, bufferBefore: 15);

        var slots = Query.Slots(salon, buffered, Dates.Monday);

        Assert.Equal("00:00", Show.Local(slots[0].Start, salon.Zone));
        Assert.Equal(96, slots.Count);
    }

    [Fact]
    public void Buffer_before_cannot_reach_into_a_closed_previous_day()
    {
        var salon = new SalonBuilder();
        salon.AddStaff([SalonBuilder.Hours("00:00", "24:00")], SalonBuilder.Weekdays); // closed on Sunday
        var buffered = salon.AddService(30, bufferBefore: 15);

        Assert.Equal("00:15", Query.Starts(salon, buffered, Dates.Monday)[0]);
    }

    [Fact]
    public void Buffer_after_reaches_into_the_next_days_open_time()
    {
        var salon = new SalonBuilder();
        salon.AddStaff("00:00", "24:00");
        var buffered = salon.AddService(30, bufferAfter: 15);

        var starts = Query.Starts(salon, buffered, Dates.Monday);

        Assert.Equal("23:45", starts[^1]); // its buffer runs to 00:15 on Tuesday
        Assert.Equal(96, starts.Count);
    }

    [Fact]
    public void Start_exactly_at_the_lead_time_is_bookable()
    {
        var salon = new SalonBuilder(); // lead time 60 minutes
        salon.AddStaff("08:00", "12:00");
        var cut = salon.AddService(30);
        var clock = new FakeClock(salon.At(2026, 6, 1, 8, 0));

        Assert.Equal("09:00", Query.Starts(salon, cut, Dates.Monday, clock.GetCurrentInstant())[0]);
    }

    [Fact]
    public void A_scan_holds_until_the_lead_time_passes_its_first_start()
    {
        var salon = new SalonBuilder(); // lead time 60 minutes
        salon.AddStaff("08:00", "12:00");
        var cut = salon.AddService(30);
        var now = salon.At(2026, 6, 1, 7, 50);

        var until = AvailabilityEngine.Prepare(salon.Search(cut, Dates.Monday), salon.State, now).ScanInto(new Ignored());

        Assert.Equal(salon.At(2026, 6, 1, 8, 0) + Duration.Epsilon, until); // 09:00 is the first start until 08:00 has passed
    }

    [Fact]
    public void A_scan_holds_until_the_first_hold_it_blocks_expires()
    {
        var salon = new SalonBuilder();
        var ann = salon.AddStaff("08:00", "12:00");
        var cut = salon.AddService(30);
        var now = salon.At(2026, 5, 30, 9, 0);
        salon.Hold(cut, ann, salon.At(2026, 6, 1, 10, 0), now + Duration.FromMinutes(3));

        var until = AvailabilityEngine.Prepare(salon.Search(cut, Dates.Monday), salon.State, now).ScanInto(new Ignored());

        Assert.Equal(now + Duration.FromMinutes(3), until);
    }

    private sealed class Ignored : ISlotSink
    {
        public void Add(Instant start, Instant end, ReadOnlySpan<StaffId> staff) { }
    }

    [Fact]
    public void Start_a_moment_inside_the_lead_time_is_not_bookable()
    {
        var salon = new SalonBuilder();
        salon.AddStaff("08:00", "12:00");
        var cut = salon.AddService(30);
        var clock = new FakeClock(salon.At(2026, 6, 1, 8, 0));
        clock.AdvanceNanoseconds(1);

        Assert.Equal("09:15", Query.Starts(salon, cut, Dates.Monday, clock.GetCurrentInstant())[0]);
    }

    [Fact]
    public void Start_exactly_at_the_end_of_the_booking_window_is_bookable()
    {
        var salon = new SalonBuilder(rules: BookingRulesWith(windowDays: 1));
        salon.AddStaff("08:00", "12:00");
        var cut = salon.AddService(30);
        var now = salon.At(2026, 5, 31, 9, 0);

        Assert.Equal("09:00", Query.Starts(salon, cut, Dates.Monday, now)[^1]);
    }

    [Fact]
    public void Start_a_moment_past_the_booking_window_is_not_bookable()
    {
        var salon = new SalonBuilder(rules: BookingRulesWith(windowDays: 1));
        salon.AddStaff("08:00", "12:00");
        var cut = salon.AddService(30);
        var clock = new FakeClock(salon.At(2026, 5, 31, 9, 0));
        clock.AdvanceNanoseconds(-1);

        Assert.Equal("08:45", Query.Starts(salon, cut, Dates.Monday, clock.GetCurrentInstant())[^1]);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(15)]
    [InlineData(30)]
    public void Starts_follow_the_slot_interval(int interval)
    {
        var salon = new SalonBuilder(rules: BookingRulesWith(interval: interval));
        salon.AddStaff("09:00", "10:00");
        var cut = salon.AddService(30);

        Assert.Equal(Query.Every(interval, "09:00", "09:30"), Query.Starts(salon, cut, Dates.Monday));
    }

    [Fact]
    public void Interval_longer_than_the_service_leaves_gaps_between_starts()
    {
        var salon = new SalonBuilder(rules: BookingRulesWith(interval: 30));
        salon.AddStaff("09:00", "11:00");
        var quick = salon.AddService(10);

        Assert.Equal(["09:00", "09:30", "10:00", "10:30"], Query.Starts(salon, quick, Dates.Monday));
    }

    [Fact]
    public void Live_hold_blocks_its_range()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "10:30");
        var cut = salon.AddService(30);
        var now = Dates.NowBefore(Dates.Monday, salon.Zone);
        salon.Hold(cut, anna, salon.At(2026, 6, 1, 9, 30), expiresAt: now + Duration.FromMinutes(5));

        Assert.Equal(["09:00", "10:00"], Query.Starts(salon, cut, Dates.Monday, now));
    }

    [Fact]
    public void Expired_hold_is_ignored()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "10:30");
        var cut = salon.AddService(30);
        var now = Dates.NowBefore(Dates.Monday, salon.Zone);
        salon.Hold(cut, anna, salon.At(2026, 6, 1, 9, 30), expiresAt: now - Duration.FromSeconds(1));

        Assert.Equal(Query.Every(15, "09:00", "10:00"), Query.Starts(salon, cut, Dates.Monday, now));
    }

    [Fact]
    public void Hold_expiring_exactly_now_is_ignored()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "10:30");
        var cut = salon.AddService(30);
        var clock = new FakeClock(Dates.NowBefore(Dates.Monday, salon.Zone));
        salon.Hold(cut, anna, salon.At(2026, 6, 1, 9, 30), expiresAt: clock.GetCurrentInstant() + Duration.FromMinutes(5));
        clock.AdvanceMinutes(5);

        Assert.Equal(Query.Every(15, "09:00", "10:00"), Query.Starts(salon, cut, Dates.Monday, clock.GetCurrentInstant()));
    }

    [Fact]
    public void Hold_of_one_staff_member_does_not_block_another()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "10:00");
        var ben = salon.AddStaff("09:00", "10:00");
        var cut = salon.AddService(60);
        var now = Dates.NowBefore(Dates.Monday, salon.Zone);
        salon.Hold(cut, anna, salon.At(2026, 6, 1, 9, 0), now + Duration.FromMinutes(5));

        Assert.Equal([ben], Query.Slots(salon, cut, Dates.Monday, now).Single().StaffIds);
    }

    [Fact]
    public void Staff_member_who_does_not_perform_the_service_has_no_slots()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "17:00");
        var ben = salon.AddStaff("09:00", "17:00");
        var beard = salon.AddService(30, staff: [ben]);

        Assert.Empty(Query.Slots(salon, beard, Dates.Monday, staff: anna));
        Assert.NotEmpty(Query.Slots(salon, beard, Dates.Monday, staff: ben));
    }

    [Fact]
    public void Slots_over_several_days_come_in_instant_order()
    {
        var salon = new SalonBuilder();
        salon.AddStaff("09:00", "10:00");
        salon.AddStaff("09:30", "10:30");
        var cut = salon.AddService(30);

        var slots = Query.Slots(salon, cut, Dates.Monday, to: Dates.Wednesday);

        Assert.Equal(3 * 5, slots.Count);
        Assert.Equal(slots.OrderBy(s => s.Start).ThenBy(s => s.End), slots);
        Assert.Equal(slots.Count, slots.Select(s => s.Start).Distinct().Count());
    }

    [Fact]
    public void Same_inputs_give_identical_output()
    {
        static (SlotSearch Search, SchedulingState State, Instant Now) Build()
        {
            var salon = new SalonBuilder("America/New_York");
            var anna = salon.AddStaff([SalonBuilder.Hours("08:00", "12:00"), SalonBuilder.Hours("13:00", "19:00")]);
            var ben = salon.AddStaff("10:00", "18:00");
            salon.AddBreak(ben, "14:00", "14:20");
            var cut = salon.AddService(45, bufferAfter: 10, ownDurations: new Dictionary<StaffId, int> { [ben] = 40 });
            salon.Book(cut, anna, salon.At(2026, 3, 8, 9, 0));
            salon.Hold(cut, ben, salon.At(2026, 3, 8, 11, 0), salon.At(2026, 3, 7, 12, 5));
            return (salon.Search(cut, Dates.NewYorkSpringForward.PlusDays(-1), Dates.NewYorkSpringForward.PlusDays(1)), salon.State, salon.At(2026, 3, 7, 12, 0));
        }

        var (search, state, now) = Build();
        var first = AvailabilityEngine.Find(search, state, now);
        var again = AvailabilityEngine.Find(search, state, now);
        var rebuilt = Build();
        var fromRebuilt = AvailabilityEngine.Find(rebuilt.Search, rebuilt.State, rebuilt.Now);

        Assert.NotEmpty(first);
        Assert.Equal(Show.Exactly(first), Show.Exactly(again));
        Assert.Equal(Show.Exactly(first), Show.Exactly(fromRebuilt));
    }

    [Fact]
    public void Missing_day_bitmap_counts_as_busy()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "10:00");
        var cut = salon.AddService(30);
        var search = salon.Search(cut, Dates.Monday, Dates.Wednesday);
        var schedule = salon.State.Schedules[anna];

        var slots = SlotFinder.Find(search,
            (_, date) => date == Dates.Tuesday ? null : StaffDayProjection.Project(schedule, LocalDay.Of(date, salon.Zone), []),
            [], Dates.NowBefore(Dates.Monday, salon.Zone));

        Assert.Equal([Dates.Monday, Dates.Wednesday], slots.Select(s => s.Start.InZone(salon.Zone).Date).Distinct());
    }

    [Fact]
    public void Bitmaps_read_back_from_their_bytes_give_the_same_slots()
    {
        var salon = new SalonBuilder("Europe/London");
        var anna = salon.AddStaff([SalonBuilder.Hours("00:30", "04:00"), SalonBuilder.Hours("09:00", "17:00")]);
        var cut = salon.AddService(40, bufferAfter: 5);
        salon.Book(cut, anna, salon.At(2026, 10, 25, 10, 0));
        var state = salon.State;
        var search = salon.Search(cut, Dates.LondonFallBack);
        var now = Dates.NowBefore(Dates.LondonFallBack, salon.Zone);

        var fromBytes = SlotFinder.Find(search, (id, date) =>
        {
            var day = LocalDay.Of(date, salon.Zone);
            var stored = StaffDayProjection.Project(state.Schedules[id], day, state.AppointmentsOf(id)).ToArray();
            return StaffDayBitmap.FromBytes(day, stored);
        }, state.Holds, now);

        Assert.Equal(Show.Exactly(AvailabilityEngine.Find(search, state, now)), Show.Exactly(fromBytes));
    }

    private static FastBooking.Domain.Businesses.BookingRules BookingRulesWith(int interval = 15, int windowDays = 60) =>
        new FastBooking.Domain.Businesses.BookingRules(FastBooking.Domain.Businesses.BookingRules.Default.Settings with { SlotIntervalMinutes = interval, BookingWindowDays = windowDays });
}
