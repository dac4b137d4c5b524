using FastBooking.Domain.Availability;
using FastBooking.Domain.Time;

namespace FastBooking.Domain.Tests;

/// <summary>Local days of 23, 24 and 25 hours; skipped and repeated local times; zones with odd or no offsets.</summary>
public class DstTests
{
    private static StaffDayBitmap Bitmap(SalonBuilder salon, LocalDate date) =>
        StaffDayProjection.Project(salon.State.Schedules[salon.Staff[0]], LocalDay.Of(date, salon.Zone), []);

    private static SalonBuilder OneStaff(string zone, string from, string to, int interval = 15)
    {
        var salon = new SalonBuilder(zone, new FastBooking.Domain.Businesses.BookingRules(FastBooking.Domain.Businesses.BookingRules.Default.Settings with { SlotIntervalMinutes = interval }));
        salon.AddStaff(from, to);
        return salon;
    }

    // Europe/London, spring forward: 01:00 GMT becomes 02:00 BST.

    [Fact]
    public void London_spring_forward_day_is_23_hours_and_its_bitmap_1380_minutes()
    {
        var bitmap = Bitmap(OneStaff("Europe/London", "09:00", "17:00"), Dates.LondonSpringForward);

        Assert.Equal(1380, bitmap.Minutes);
        Assert.Equal(173, bitmap.Bytes.Length);
        Assert.Equal([(480, 960)], bitmap.FreeRuns()); // 09:00 BST is 8 hours after 00:00 GMT
    }

    [Fact]
    public void London_skipped_local_times_give_no_slot()
    {
        var salon = OneStaff("Europe/London", "00:00", "04:00");
        var quick = salon.AddService(15);

        Assert.Equal(
            ["00:00", "00:15", "00:30", "00:45", "02:00", "02:15", "02:30", "02:45", "03:00", "03:15", "03:30", "03:45"],
            Query.Starts(salon, quick, Dates.LondonSpringForward));
    }

    [Fact]
    public void London_slot_across_the_gap_lasts_its_duration_in_elapsed_time()
    {
        var salon = OneStaff("Europe/London", "00:00", "04:00");
        var hour = salon.AddService(60);

        var slot = Query.Slots(salon, hour, Dates.LondonSpringForward).First(s => Show.Local(s.Start, salon.Zone) == "00:30");

        Assert.Equal("02:30+01:00", Show.LocalWithOffset(slot.End, salon.Zone));
        Assert.Equal(Duration.FromHours(1), slot.End - slot.Start);
    }

    [Fact]
    public void London_working_day_after_the_change_keeps_its_usual_slots()
    {
        var salon = OneStaff("Europe/London", "09:00", "17:00");
        var cut = salon.AddService(30);

        Assert.Equal(Query.Starts(salon, cut, Dates.LondonSpringForward.PlusDays(-7)), Query.Starts(salon, cut, Dates.LondonSpringForward));
    }

    // Europe/London, fall back: 02:00 BST becomes 01:00 GMT.

    [Fact]
    public void London_fall_back_day_is_25_hours_and_its_bitmap_1500_minutes()
    {
        var bitmap = Bitmap(OneStaff("Europe/London", "09:00", "17:00"), Dates.LondonFallBack);

        Assert.Equal(1500, bitmap.Minutes);
        Assert.Equal(188, bitmap.Bytes.Length);
        Assert.Equal([(600, 1080)], bitmap.FreeRuns()); // 09:00 GMT is 10 hours after 00:00 BST
    }

    [Fact]
    public void London_repeated_local_times_give_both_instants_in_instant_order()
    {
        var salon = OneStaff("Europe/London", "00:00", "03:00", interval: 30);
        var cut = salon.AddService(30);

        Assert.Equal(
            ["00:00+01:00", "00:30+01:00", "01:00+01:00", "01:30+01:00", "01:00+00:00", "01:30+00:00", "02:00+00:00", "02:30+00:00"],
            Show.StartsWithOffset(Query.Slots(salon, cut, Dates.LondonFallBack), salon.Zone));
    }

    [Fact]
    public void London_appointment_in_the_repeated_hour_blocks_only_its_own_occurrence()
    {
        var salon = OneStaff("Europe/London", "00:00", "03:00", interval: 30);
        var cut = salon.AddService(30);
        var firstOneThirty = salon.Zone.MapLocal(Dates.LondonFallBack.At(new LocalTime(1, 30))).First().ToInstant();
        salon.Book(cut, salon.Staff[0], firstOneThirty);

        Assert.Equal(
            ["00:00+01:00", "00:30+01:00", "01:00+01:00", "01:00+00:00", "01:30+00:00", "02:00+00:00", "02:30+00:00"],
            Show.StartsWithOffset(Query.Slots(salon, cut, Dates.LondonFallBack), salon.Zone));
    }

    // America/New_York, spring forward: 02:00 EST becomes 03:00 EDT.

    [Fact]
    public void New_York_spring_forward_day_is_23_hours_and_its_bitmap_1380_minutes()
    {
        var bitmap = Bitmap(OneStaff("America/New_York", "09:00", "17:00"), Dates.NewYorkSpringForward);

        Assert.Equal(1380, bitmap.Minutes);
        Assert.Equal([(480, 960)], bitmap.FreeRuns());
    }

    [Fact]
    public void New_York_skipped_local_times_give_no_slot()
    {
        var salon = OneStaff("America/New_York", "01:00", "04:00", interval: 30);
        var cut = salon.AddService(30);

        Assert.Equal(
            ["01:00–01:30", "01:30–03:00", "03:00–03:30", "03:30–04:00"],
            Show.Ranges(Query.Slots(salon, cut, Dates.NewYorkSpringForward), salon.Zone));
    }

    // America/New_York, fall back: 02:00 EDT becomes 01:00 EST.

    [Fact]
    public void New_York_fall_back_day_is_25_hours_and_its_bitmap_1500_minutes()
    {
        var bitmap = Bitmap(OneStaff("America/New_York", "09:00", "17:00"), Dates.NewYorkFallBack);

        Assert.Equal(1500, bitmap.Minutes);
        Assert.Equal([(600, 1080)], bitmap.FreeRuns());
    }

    [Fact]
    public void New_York_repeated_local_times_give_both_instants_in_instant_order()
    {
        var salon = OneStaff("America/New_York", "00:00", "03:00", interval: 30);
        var cut = salon.AddService(30);

        var slots = Query.Slots(salon, cut, Dates.NewYorkFallBack);

        Assert.Equal(
            ["00:00-04:00", "00:30-04:00", "01:00-04:00", "01:30-04:00", "01:00-05:00", "01:30-05:00", "02:00-05:00", "02:30-05:00"],
            Show.StartsWithOffset(slots, salon.Zone));
        Assert.Equal(slots.OrderBy(s => s.Start), slots);
    }

    // Zones with a 30-minute offset, a 30-minute DST shift, and no DST at all.

    [Fact]
    public void Kolkata_slots_are_on_its_half_hour_offset()
    {
        var salon = OneStaff("Asia/Kolkata", "09:00", "10:00", interval: 30);
        var cut = salon.AddService(30);

        var slots = Query.Slots(salon, cut, Dates.Monday);

        Assert.Equal(["09:00+05:30", "09:30+05:30"], Show.StartsWithOffset(slots, salon.Zone));
        Assert.Equal(Instant.FromUtc(2026, 6, 1, 3, 30), slots[0].Start);
    }

    [Fact]
    public void Kolkata_day_is_1440_minutes_starting_at_utc_half_past()
    {
        var day = LocalDay.Of(Dates.Monday, DateTimeZoneProviders.Tzdb["Asia/Kolkata"]);

        Assert.Equal(1440, day.Minutes);
        Assert.Equal(Instant.FromUtc(2026, 5, 31, 18, 30), day.Start);
    }

    [Fact]
    public void Tokyo_has_1440_minutes_every_day_of_the_year()
    {
        var tokyo = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];

        for (var date = new LocalDate(2026, 1, 1); date.Year == 2026; date = date.PlusDays(1))
            Assert.Equal(1440, LocalDay.Of(date, tokyo).Minutes);
    }

    [Fact]
    public void Tokyo_slots_do_not_move_when_other_zones_change_clocks()
    {
        var salon = OneStaff("Asia/Tokyo", "09:00", "10:00", interval: 30);
        var cut = salon.AddService(30);

        Assert.Equal(["09:00+09:00", "09:30+09:00"], Show.StartsWithOffset(Query.Slots(salon, cut, Dates.LondonSpringForward), salon.Zone));
        Assert.Equal(["09:00+09:00", "09:30+09:00"], Show.StartsWithOffset(Query.Slots(salon, cut, Dates.NewYorkFallBack), salon.Zone));
    }

    [Fact]
    public void Lord_Howe_half_hour_shifts_give_1470_and_1410_minute_days()
    {
        var lordHowe = DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"];

        Assert.Equal(1470, LocalDay.Of(Dates.LordHoweFallBack, lordHowe).Minutes);
        Assert.Equal(1410, LocalDay.Of(Dates.LordHoweSpringForward, lordHowe).Minutes);
    }

    [Fact]
    public void Lord_Howe_repeated_half_hour_gives_both_instants()
    {
        var salon = OneStaff("Australia/Lord_Howe", "01:00", "03:00", interval: 30);
        var cut = salon.AddService(30);

        Assert.Equal(
            ["01:00+11:00", "01:30+11:00", "01:30+10:30", "02:00+10:30", "02:30+10:30"],
            Show.StartsWithOffset(Query.Slots(salon, cut, Dates.LordHoweFallBack), salon.Zone));
    }
}
