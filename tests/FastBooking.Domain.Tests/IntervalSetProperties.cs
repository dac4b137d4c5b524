using FastBooking.Domain.Time;
using FsCheck.Xunit;

namespace FastBooking.Domain.Tests;

/// <summary>IntervalSet's algebra against a model: the set of whole minutes each list of intervals covers.</summary>
public class IntervalSetProperties
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 6, 1, 0, 0);

    private static Interval M(int from, int to) => new(T0 + Duration.FromMinutes(from), T0 + Duration.FromMinutes(to));

    private static List<Interval> RandomIntervals(Random random) =>
        Enumerable.Range(0, random.Next(7)).Select(_ =>
        {
            var from = random.Next(0, 60);
            return M(from, from + random.Next(0, 20));
        }).ToList();

    private static SortedSet<int> Minutes(IEnumerable<Interval> intervals) =>
        new(intervals.SelectMany(i => Enumerable.Range(
            (int)(i.Start - T0).TotalMinutes, (int)(i.End - i.Start).TotalMinutes)));

    private static void AssertNormalised(IReadOnlyList<Interval> set)
    {
        Assert.All(set, i => Assert.True(i.Start < i.End, $"empty interval {i}"));
        for (var k = 1; k < set.Count; k++)
            Assert.True(set[k - 1].End < set[k].Start, $"{set[k - 1]} and {set[k]} touch, overlap or are out of order");
    }

    [Property(MaxTest = 200)]
    public void Normalize_keeps_the_same_minutes_in_normal_form(Seed seed)
    {
        var a = RandomIntervals(new Random(seed.Item));

        var result = IntervalSet.Normalize(a);

        AssertNormalised(result);
        Assert.Equal(Minutes(a), Minutes(result));
    }

    [Property(MaxTest = 200)]
    public void Union_is_the_union_of_minutes(Seed seed)
    {
        var random = new Random(seed.Item);
        var (a, b) = (RandomIntervals(random), RandomIntervals(random));

        var result = IntervalSet.Union(a, b);

        AssertNormalised(result);
        Assert.Equal(new SortedSet<int>(Minutes(a).Union(Minutes(b))), Minutes(result));
        Assert.Equal(result, IntervalSet.Union(b, a));
    }

    [Property(MaxTest = 200)]
    public void Subtract_is_the_difference_of_minutes(Seed seed)
    {
        var random = new Random(seed.Item);
        var (a, b) = (RandomIntervals(random), RandomIntervals(random));

        var result = IntervalSet.Subtract(a, b);

        AssertNormalised(result);
        Assert.Equal(Minutes(a).Except(Minutes(b)), Minutes(result));
    }

    [Property(MaxTest = 200)]
    public void Intersect_is_the_intersection_of_minutes(Seed seed)
    {
        var random = new Random(seed.Item);
        var (a, b) = (RandomIntervals(random), RandomIntervals(random));

        var result = IntervalSet.Intersect(a, b);

        AssertNormalised(result);
        Assert.Equal(Minutes(a).Intersect(Minutes(b)), Minutes(result));
        Assert.Equal(result, IntervalSet.Intersect(b, a));
    }

    [Property(MaxTest = 200)]
    public void Subtracting_then_adding_back_the_intersection_restores_the_set(Seed seed)
    {
        var random = new Random(seed.Item);
        var (a, b) = (RandomIntervals(random), RandomIntervals(random));

        Assert.Equal(IntervalSet.Normalize(a), IntervalSet.Union(IntervalSet.Subtract(a, b), IntervalSet.Intersect(a, b)));
    }

    [Property(MaxTest = 200)]
    public void Covers_means_every_minute_of_the_range_is_in_the_set(Seed seed)
    {
        var random = new Random(seed.Item);
        var set = IntervalSet.Normalize(RandomIntervals(random));
        var from = random.Next(0, 70);
        var range = M(from, from + random.Next(1, 15));

        Assert.Equal(Minutes([range]).IsSubsetOf(Minutes(set)), IntervalSet.Covers(set, range));
    }

    [Property(MaxTest = 200)]
    public void Overlaps_means_a_shared_minute(Seed seed)
    {
        var random = new Random(seed.Item);
        int f1 = random.Next(0, 30), f2 = random.Next(0, 30);
        var (x, y) = (M(f1, f1 + random.Next(1, 10)), M(f2, f2 + random.Next(1, 10)));

        Assert.Equal(Minutes([x]).Overlaps(Minutes([y])), IntervalSet.Overlaps(x, y));
    }
}
