using FastBooking.Domain.Businesses;

namespace FastBooking.Domain.Tests;

public class BookingRulesTests
{
    private static readonly RuleSettings Valid = BookingRules.Default.Settings;

    private static List<string> FieldsWithProblems(RuleSettings rules) => rules.Problems().Select(p => p.Field).ToList();

    [Fact]
    public void Defaults_follow_the_scheduling_contract()
    {
        var rules = BookingRules.Default;

        Assert.Equal(Duration.FromMinutes(15), rules.SlotInterval);
        Assert.Equal(Duration.FromMinutes(60), rules.LeadTime);
        Assert.Equal(Duration.FromDays(60), rules.BookingWindow);
        Assert.Equal(Duration.FromHours(24), rules.CancellationCutoff);
        Assert.Equal(Duration.FromHours(24), rules.RescheduleCutoff);
        Assert.Equal(Duration.FromMinutes(5), rules.HoldTtl);
    }

    [Fact]
    public void Default_rules_have_no_problems() => Assert.Empty(BookingRules.Default.Settings.Problems());

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(15)]
    [InlineData(30)]
    [InlineData(60)]
    [InlineData(1440)]
    public void Slot_interval_that_divides_the_day_is_accepted(int minutes) =>
        Assert.Empty((Valid with { SlotIntervalMinutes = minutes }).Problems());

    [Theory]
    [InlineData(0)]
    [InlineData(-15)]
    [InlineData(7)]
    [InlineData(25)]
    [InlineData(1441)]
    [InlineData(2880)]
    public void Slot_interval_that_does_not_divide_the_day_is_a_problem(int minutes) =>
        Assert.Equal(["slotIntervalMinutes"], FieldsWithProblems(Valid with { SlotIntervalMinutes = minutes }));

    [Theory]
    [InlineData(0)]
    [InlineData(525_600)]
    public void Lead_time_edges_are_accepted(int minutes) => Assert.Empty((Valid with { LeadTimeMinutes = minutes }).Problems());

    [Theory]
    [InlineData(-1)]
    [InlineData(525_601)]
    public void Lead_time_outside_its_range_is_a_problem(int minutes) =>
        Assert.Equal(["leadTimeMinutes"], FieldsWithProblems(Valid with { LeadTimeMinutes = minutes }));

    [Theory]
    [InlineData(1)]
    [InlineData(730)]
    public void Booking_window_edges_are_accepted(int days) => Assert.Empty((Valid with { BookingWindowDays = days }).Problems());

    [Theory]
    [InlineData(0)]
    [InlineData(731)]
    public void Booking_window_outside_its_range_is_a_problem(int days) =>
        Assert.Equal(["bookingWindowDays"], FieldsWithProblems(Valid with { BookingWindowDays = days }));

    [Theory]
    [InlineData(-1)]
    [InlineData(525_601)]
    public void Cancellation_cutoff_outside_its_range_is_a_problem(int minutes) =>
        Assert.Equal(["cancellationCutoffMinutes"], FieldsWithProblems(Valid with { CancellationCutoffMinutes = minutes }));

    [Theory]
    [InlineData(-1)]
    [InlineData(525_601)]
    public void Reschedule_cutoff_outside_its_range_is_a_problem(int minutes) =>
        Assert.Equal(["rescheduleCutoffMinutes"], FieldsWithProblems(Valid with { RescheduleCutoffMinutes = minutes }));

    [Theory]
    [InlineData(0)]
    [InlineData(525_600)]
    public void Cutoff_edges_are_accepted(int minutes) =>
        Assert.Empty((Valid with { CancellationCutoffMinutes = minutes, RescheduleCutoffMinutes = minutes }).Problems());

    [Theory]
    [InlineData(10)]
    [InlineData(3600)]
    public void Hold_ttl_edges_are_accepted(int seconds) => Assert.Empty((Valid with { HoldTtlSeconds = seconds }).Problems());

    [Theory]
    [InlineData(9)]
    [InlineData(3601)]
    public void Hold_ttl_outside_its_range_is_a_problem(int seconds) =>
        Assert.Equal(["holdTtlSeconds"], FieldsWithProblems(Valid with { HoldTtlSeconds = seconds }));

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var rules = new RuleSettings(7, -1, 0, -1, -1, 0);

        Assert.Equal(
            ["slotIntervalMinutes", "leadTimeMinutes", "bookingWindowDays", "cancellationCutoffMinutes", "rescheduleCutoffMinutes", "holdTtlSeconds"],
            FieldsWithProblems(rules));
        Assert.All(rules.Problems(), p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
    }

    [Fact]
    public void Rules_cannot_be_made_from_settings_with_a_problem() =>
        Assert.Throws<ArgumentException>(() => new BookingRules(Valid with { HoldTtlSeconds = 9 }));
}
