using NodaTime;

namespace FastBooking.Domain.Time;

/// <summary>
/// Set algebra on half-open instant intervals. Every result is normalised: sorted, non-empty, non-touching.
/// </summary>
public static class IntervalSet
{
    public static IReadOnlyList<Interval> Normalize(IEnumerable<Interval> intervals)
    {
        var sorted = intervals.Where(i => i.Start < i.End).OrderBy(i => i.Start).ToList();
        var result = new List<Interval>(sorted.Count);
        foreach (var i in sorted)
        {
            if (result.Count > 0 && i.Start <= result[^1].End)
            {
                if (i.End > result[^1].End) result[^1] = new Interval(result[^1].Start, i.End);
            }
            else result.Add(i);
        }
        return result;
    }

    public static IReadOnlyList<Interval> Union(IEnumerable<Interval> a, IEnumerable<Interval> b) => Normalize(a.Concat(b));

    public static IReadOnlyList<Interval> Subtract(IEnumerable<Interval> from, IEnumerable<Interval> remove)
    {
        var cuts = Normalize(remove);
        var result = new List<Interval>();
        foreach (var piece in Normalize(from))
        {
            var start = piece.Start;
            foreach (var cut in cuts)
            {
                if (cut.End <= start || cut.Start >= piece.End) continue;
                if (cut.Start > start) result.Add(new Interval(start, cut.Start));
                start = cut.End;
                if (start >= piece.End) break;
            }
            if (start < piece.End) result.Add(new Interval(start, piece.End));
        }
        return result;
    }

    public static IReadOnlyList<Interval> Intersect(IEnumerable<Interval> a, IEnumerable<Interval> b) =>
        Subtract(a, Subtract(a, b));

    /// <summary>Whether <paramref name="range"/> lies wholly inside one interval of a normalised set.</summary>
    public static bool Covers(IReadOnlyList<Interval> normalized, Interval range) =>
        normalized.Any(i => i.Start <= range.Start && range.End <= i.End);

    public static bool Overlaps(Interval a, Interval b) => a.Start < b.End && b.Start < a.End;

    public static bool Overlaps(IReadOnlyList<Interval> a, IReadOnlyList<Interval> b) => a.Any(x => b.Any(y => Overlaps(x, y)));

    public static bool Overlaps(Interval a, IReadOnlyList<Interval> b) => b.Any(y => Overlaps(a, y));
}
