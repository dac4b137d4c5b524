using NodaTime;

namespace FastBooking.Domain.Time;

/// <summary>
/// The instants of one business-local date: from the instant the date starts to the instant the next one starts.
/// 23, 24 or 25 hours long around DST changes. Made only by <see cref="Of"/>, so its ends always agree with its date.
/// </summary>
public readonly record struct LocalDay
{
    private LocalDay(LocalDate date, DateTimeZone zone)
    {
        Date = date;
        Zone = zone;
        Start = zone.AtStartOfDay(date).ToInstant();
        End = zone.AtStartOfDay(date.PlusDays(1)).ToInstant();
    }

    public static LocalDay Of(LocalDate date, DateTimeZone zone) => new(date, zone ?? throw new ArgumentNullException(nameof(zone)));

    public LocalDate Date { get; }

    public DateTimeZone Zone { get; }

    public Instant Start { get; }

    public Instant End { get; }

    public Interval Span => new(Start, End);

    public int Minutes => (int)(End - Start).TotalMinutes;

    /// <summary>
    /// The instants whose wall-clock time on this date lies in [from, to): one range normally, none for a range
    /// that falls wholly in a DST gap, and the union of both occurrences for a range in a repeated hour.
    /// </summary>
    public IReadOnlyList<Interval> InstantsOf(LocalDateTime from, LocalDateTime to)
    {
        var result = new List<Interval>(2);
        foreach (var zoneInterval in Zone.GetZoneIntervals(Start, End))
        {
            // Within one zone interval the offset is fixed, so local time and instant move together.
            var offset = Duration.FromSeconds(zoneInterval.WallOffset.Seconds);
            var segStart = zoneInterval.HasStart && zoneInterval.Start > Start ? zoneInterval.Start : Start;
            var segEnd = zoneInterval.HasEnd && zoneInterval.End < End ? zoneInterval.End : End;
            var lo = Max(segStart, AsUtc(from) - offset);
            var hi = Min(segEnd, AsUtc(to) - offset);
            if (lo >= hi) continue;
            if (result.Count > 0 && result[^1].End == lo)
                result[^1] = new Interval(result[^1].Start, hi);
            else
                result.Add(new Interval(lo, hi));
        }
        return result;
    }

    private static Instant AsUtc(LocalDateTime local) => local.InUtc().ToInstant();
    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
    private static Instant Min(Instant a, Instant b) => a < b ? a : b;
}
