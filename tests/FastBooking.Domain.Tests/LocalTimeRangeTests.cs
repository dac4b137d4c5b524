using FastBooking.Domain.Schedules;

namespace FastBooking.Domain.Tests;

public class LocalTimeRangeTests
{
    [Fact]
    public void Range_must_end_after_it_starts()
    {
        Assert.Throws<ArgumentException>(() => LocalTimeRange.Of(10, 0, 9, 0));
        Assert.Throws<ArgumentException>(() => LocalTimeRange.Of(10, 0, 10, 0));
    }

    [Fact]
    public void Range_times_are_whole_minutes() =>
        Assert.Throws<ArgumentException>(() => new LocalTimeRange(new LocalTime(9, 0, 30), new LocalTime(10, 0)));

    [Fact]
    public void Midnight_end_stands_for_24_00()
    {
        var range = LocalTimeRange.Of(22, 0, 24, 0);

        Assert.True(range.EndsAtMidnight);
        Assert.Equal(Dates.Tuesday.AtMidnight(), range.EndOn(Dates.Monday));
        Assert.Equal("22:00–24:00", range.ToString());
    }

    [Fact]
    public void Whole_day_range_runs_from_midnight_to_midnight()
    {
        var range = LocalTimeRange.Of(0, 0, 24, 0);

        Assert.Equal(Dates.Monday.AtMidnight(), range.StartOn(Dates.Monday));
        Assert.Equal(Dates.Tuesday.AtMidnight(), range.EndOn(Dates.Monday));
        Assert.True(range.Contains(new LocalTime(23, 59)));
    }

    [Fact]
    public void Contains_includes_the_start_and_excludes_the_end()
    {
        var range = LocalTimeRange.Of(9, 0, 17, 0);

        Assert.True(range.Contains(new LocalTime(9, 0)));
        Assert.True(range.Contains(new LocalTime(16, 59)));
        Assert.False(range.Contains(new LocalTime(17, 0)));
        Assert.False(range.Contains(new LocalTime(8, 59)));
    }

    [Fact]
    public void Touching_ranges_do_not_overlap()
    {
        Assert.False(LocalTimeRange.Of(9, 0, 12, 0).Overlaps(LocalTimeRange.Of(12, 0, 17, 0)));
        Assert.False(LocalTimeRange.Of(12, 0, 24, 0).Overlaps(LocalTimeRange.Of(0, 0, 12, 0)));
    }

    [Fact]
    public void Ranges_sharing_a_minute_overlap()
    {
        Assert.True(LocalTimeRange.Of(9, 0, 12, 1).Overlaps(LocalTimeRange.Of(12, 0, 17, 0)));
        Assert.True(LocalTimeRange.Of(20, 0, 24, 0).Overlaps(LocalTimeRange.Of(23, 0, 24, 0)));
    }

    [Fact]
    public void Weekly_hours_reject_overlapping_ranges_on_one_day() =>
        Assert.Throws<ArgumentException>(() =>
            WeeklyHours.Every([IsoDayOfWeek.Monday], LocalTimeRange.Of(9, 0, 13, 0), LocalTimeRange.Of(12, 0, 17, 0)));

    [Fact]
    public void Weekly_hours_keep_split_shifts_in_time_order()
    {
        var hours = WeeklyHours.Every([IsoDayOfWeek.Monday], LocalTimeRange.Of(14, 0, 18, 0), LocalTimeRange.Of(9, 0, 12, 0));

        Assert.Equal([LocalTimeRange.Of(9, 0, 12, 0), LocalTimeRange.Of(14, 0, 18, 0)], hours.On(IsoDayOfWeek.Monday));
    }

    [Fact]
    public void Weekly_hours_of_an_unlisted_day_are_empty()
    {
        var hours = WeeklyHours.Every([IsoDayOfWeek.Monday], LocalTimeRange.Of(9, 0, 17, 0));

        Assert.Empty(hours.On(IsoDayOfWeek.Tuesday));
        Assert.Equal([IsoDayOfWeek.Monday], hours.Days().Select(d => d.Day));
    }
}
