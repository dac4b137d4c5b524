using FastBooking.Domain.Availability;
using FastBooking.Domain.Schedules;
using FastBooking.Domain.Time;

namespace FastBooking.Domain.Tests;

public class OpenTimeTests
{
    private static List<string> Open(SalonBuilder salon, FastBooking.Domain.Staff.StaffId staff, LocalDate date) =>
        OpenTime.Of(salon.State.Schedules[staff], LocalDay.Of(date, salon.Zone)).Open
            .Select(i => $"{Show.Local(i.Start, salon.Zone)}–{Show.Local(i.End, salon.Zone)}").ToList();

    [Fact]
    public void Working_hours_are_open()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "17:00");

        Assert.Equal(["09:00–17:00"], Open(salon, anna, Dates.Monday));
    }

    [Fact]
    public void Split_shift_leaves_the_gap_closed()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff([SalonBuilder.Hours("09:00", "12:00"), SalonBuilder.Hours("14:00", "18:00")]);

        Assert.Equal(["09:00–12:00", "14:00–18:00"], Open(salon, anna, Dates.Monday));
    }

    [Fact]
    public void Break_is_cut_out_of_working_hours()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "17:00");
        salon.AddBreak(anna, "12:30", "13:15");

        Assert.Equal(["09:00–12:30", "13:15–17:00"], Open(salon, anna, Dates.Monday));
    }

    [Fact]
    public void Break_only_applies_on_its_weekdays()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "17:00");
        salon.AddBreak(anna, "12:00", "13:00", [IsoDayOfWeek.Tuesday]);

        Assert.Equal(["09:00–17:00"], Open(salon, anna, Dates.Monday));
        Assert.Equal(["09:00–12:00", "13:00–17:00"], Open(salon, anna, Dates.Tuesday));
    }

    [Fact]
    public void Day_without_working_hours_is_closed()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff([SalonBuilder.Hours("09:00", "17:00")], [IsoDayOfWeek.Tuesday]);

        Assert.Empty(Open(salon, anna, Dates.Monday));
    }

    [Fact]
    public void Time_off_for_part_of_a_day_closes_only_that_part()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "17:00");
        salon.AddTimeOff(anna, salon.At(2026, 6, 1, 10, 0), salon.At(2026, 6, 1, 11, 30));

        Assert.Equal(["09:00–10:00", "11:30–17:00"], Open(salon, anna, Dates.Monday));
    }

    [Fact]
    public void Time_off_spanning_several_days_closes_each_of_them()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "17:00");
        salon.AddTimeOff(anna, salon.At(2026, 5, 31, 15, 0), salon.At(2026, 6, 3, 12, 0));

        Assert.Equal(["09:00–15:00"], Open(salon, anna, Dates.Monday.PlusDays(-1)));
        Assert.Empty(Open(salon, anna, Dates.Monday));
        Assert.Empty(Open(salon, anna, Dates.Tuesday));
        Assert.Equal(["12:00–17:00"], Open(salon, anna, Dates.Wednesday));
    }

    [Fact]
    public void Time_off_for_whole_dates_closes_those_dates_and_no_more()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("00:00", "24:00");
        salon.Change(anna, s => s with { TimeOff = [TimeOff.ForDates(Guid.Empty, Dates.Monday, Dates.Tuesday, salon.Zone, "holiday")] });

        Assert.Equal(["00:00–00:00"], Open(salon, anna, Dates.Monday.PlusDays(-1)));
        Assert.Empty(Open(salon, anna, Dates.Monday));
        Assert.Empty(Open(salon, anna, Dates.Tuesday));
        Assert.Equal(["00:00–00:00"], Open(salon, anna, Dates.Wednesday));
    }

    [Fact]
    public void Override_with_special_hours_replaces_the_weekday_hours()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "17:00");
        salon.AddOverride(anna, Dates.Monday, SalonBuilder.Hours("12:00", "20:00"));

        Assert.Equal(["12:00–20:00"], Open(salon, anna, Dates.Monday));
        Assert.Equal(["09:00–17:00"], Open(salon, anna, Dates.Tuesday));
    }

    [Fact]
    public void Closed_override_leaves_no_open_time()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "17:00");
        salon.AddOverride(anna, Dates.Monday);

        Assert.Empty(Open(salon, anna, Dates.Monday));
    }

    [Fact]
    public void Override_opens_a_usual_day_off()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff([SalonBuilder.Hours("09:00", "17:00")], [IsoDayOfWeek.Tuesday]);
        salon.AddOverride(anna, Dates.Monday, SalonBuilder.Hours("10:00", "12:00"), SalonBuilder.Hours("13:00", "15:00"));

        Assert.Equal(["10:00–12:00", "13:00–15:00"], Open(salon, anna, Dates.Monday));
    }

    [Fact]
    public void Breaks_still_apply_on_an_override_day()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff("09:00", "17:00");
        salon.AddBreak(anna, "12:00", "13:00");
        salon.AddOverride(anna, Dates.Monday, SalonBuilder.Hours("11:00", "19:00"));

        Assert.Equal(["11:00–12:00", "13:00–19:00"], Open(salon, anna, Dates.Monday));
    }

    [Fact]
    public void Open_time_on_a_spring_forward_day_loses_the_skipped_hour()
    {
        var salon = new SalonBuilder("Europe/London");
        var anna = salon.AddStaff("00:00", "04:00");
        var open = OpenTime.Of(salon.State.Schedules[anna], LocalDay.Of(Dates.LondonSpringForward, salon.Zone)).Open;

        Assert.Equal(Duration.FromHours(3), open.Single().End - open.Single().Start);
    }

    [Fact]
    public void Open_time_on_a_fall_back_day_gains_the_repeated_hour()
    {
        var salon = new SalonBuilder("Europe/London");
        var anna = salon.AddStaff("00:00", "04:00");
        var open = OpenTime.Of(salon.State.Schedules[anna], LocalDay.Of(Dates.LondonFallBack, salon.Zone)).Open;

        Assert.Equal(Duration.FromHours(5), open.Single().End - open.Single().Start);
    }

    [Fact]
    public void Working_hours_wholly_inside_a_skipped_hour_are_no_open_time()
    {
        var salon = new SalonBuilder("America/New_York");
        var anna = salon.AddStaff("02:00", "03:00");

        Assert.Empty(Open(salon, anna, Dates.NewYorkSpringForward));
    }
}
