using FastBooking.Domain.Time;

namespace FastBooking.Domain.Tests;

public class IntervalSetTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 6, 1, 0, 0);

    /// <summary>[from, to) in minutes after <see cref="T0"/>.</summary>
    private static Interval M(int from, int to) => new(T0 + Duration.FromMinutes(from), T0 + Duration.FromMinutes(to));

    [Fact]
    public void Normalize_sorts_and_merges_overlapping_intervals() =>
        Assert.Equal([M(0, 30), M(40, 50)], IntervalSet.Normalize([M(40, 50), M(10, 30), M(0, 20)]));

    [Fact]
    public void Normalize_merges_touching_intervals() =>
        Assert.Equal([M(0, 20)], IntervalSet.Normalize([M(10, 20), M(0, 10)]));

    [Fact]
    public void Normalize_drops_empty_intervals() =>
        Assert.Equal([M(0, 10)], IntervalSet.Normalize([M(5, 5), M(0, 10), M(20, 20)]));

    [Fact]
    public void Union_merges_both_sets() =>
        Assert.Equal([M(0, 20), M(30, 40)], IntervalSet.Union([M(0, 10), M(30, 40)], [M(10, 20)]));

    [Fact]
    public void Subtract_cuts_a_hole() =>
        Assert.Equal([M(0, 10), M(20, 60)], IntervalSet.Subtract([M(0, 60)], [M(10, 20)]));

    [Fact]
    public void Subtract_trims_both_ends_and_removes_covered_pieces() =>
        Assert.Equal([M(10, 20), M(50, 55)], IntervalSet.Subtract([M(0, 20), M(25, 30), M(40, 60)], [M(-5, 10), M(22, 50), M(55, 70)]));

    [Fact]
    public void Intersect_keeps_only_common_time() =>
        Assert.Equal([M(5, 10), M(30, 35)], IntervalSet.Intersect([M(0, 10), M(30, 40)], [M(5, 35)]));

    [Fact]
    public void Covers_needs_the_range_inside_one_interval()
    {
        var set = IntervalSet.Normalize([M(0, 30), M(40, 60)]);

        Assert.True(IntervalSet.Covers(set, M(0, 30)));
        Assert.True(IntervalSet.Covers(set, M(45, 50)));
        Assert.False(IntervalSet.Covers(set, M(20, 45)));
        Assert.False(IntervalSet.Covers(set, M(25, 31)));
    }

    [Fact]
    public void Half_open_intervals_that_touch_do_not_overlap()
    {
        Assert.False(IntervalSet.Overlaps(M(0, 10), M(10, 20)));
        Assert.True(IntervalSet.Overlaps(M(0, 11), M(10, 20)));
    }
}
