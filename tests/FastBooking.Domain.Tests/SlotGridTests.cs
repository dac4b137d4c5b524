using FastBooking.Domain.Availability;
using FastBooking.Domain.Time;

namespace FastBooking.Domain.Tests;

public class SlotGridTests
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly DateTimeZone Kolkata = DateTimeZoneProviders.Tzdb["Asia/Kolkata"];

    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(15)]
    [InlineData(30)]
    [InlineData(60)]
    public void Grid_runs_every_interval_from_local_midnight(int interval)
    {
        var starts = SlotGrid.StartsOn(LocalDay.Of(Dates.Monday, London), interval);

        Assert.Equal(1440 / interval, starts.Count);
        Assert.Equal("00:00", Show.Local(starts[0], London));
        Assert.Equal(Duration.FromMinutes(interval), starts[1] - starts[0]);
        Assert.Equal(Duration.FromMinutes(1440 - interval), starts[^1] - starts[0]);
    }

    [Fact]
    public void Grid_follows_local_midnight_not_utc_in_a_half_hour_zone()
    {
        var starts = SlotGrid.StartsOn(LocalDay.Of(Dates.Monday, Kolkata), 60);

        Assert.Equal(Instant.FromUtc(2026, 5, 31, 18, 30), starts[0]);
        Assert.All(starts, s => Assert.Equal(30, s.InUtc().Minute));
    }

    [Fact]
    public void Grid_start_is_on_grid()
    {
        var nine = London.AtStrictly(Dates.Monday.At(new LocalTime(9, 15))).ToInstant();

        Assert.True(SlotGrid.IsOnGrid(nine, London, 15));
        Assert.False(SlotGrid.IsOnGrid(nine, London, 30));
    }

    [Fact]
    public void Start_between_grid_lines_is_off_grid() =>
        Assert.False(SlotGrid.IsOnGrid(London.AtStrictly(Dates.Monday.At(new LocalTime(9, 5))).ToInstant(), London, 15));

    [Fact]
    public void Start_with_seconds_is_off_grid() =>
        Assert.False(SlotGrid.IsOnGrid(London.AtStrictly(Dates.Monday.At(new LocalTime(9, 0, 1))).ToInstant(), London, 15));

    [Fact]
    public void On_grid_is_judged_in_local_time()
    {
        var nineInKolkata = Instant.FromUtc(2026, 6, 1, 3, 30);

        Assert.True(SlotGrid.IsOnGrid(nineInKolkata, Kolkata, 60));
        Assert.False(SlotGrid.IsOnGrid(nineInKolkata, DateTimeZone.Utc, 60));
    }

    [Fact]
    public void Grid_is_in_instant_order_on_a_fall_back_day()
    {
        var starts = SlotGrid.StartsOn(LocalDay.Of(Dates.LondonFallBack, London), 15);

        Assert.Equal(starts.Order(), starts);
        Assert.Equal(100, starts.Count);
    }
}
