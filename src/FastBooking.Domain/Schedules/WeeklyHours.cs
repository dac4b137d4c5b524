using NodaTime;

namespace FastBooking.Domain.Schedules;

/// <summary>
/// A recurring week of local time ranges: working hours (split shifts allowed) or recurring breaks.
/// A weekday with no ranges is empty (a day off, or no break).
/// </summary>
public sealed class WeeklyHours
{
    private readonly LocalTimeRange[][] _byDay = new LocalTimeRange[8][]; // indexed by IsoDayOfWeek (1..7)

    public static WeeklyHours None { get; } = new(new Dictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>>());

    public WeeklyHours(IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>> days)
    {
        for (var d = IsoDayOfWeek.Monday; d <= IsoDayOfWeek.Sunday; d++)
        {
            var ranges = days.TryGetValue(d, out var r) ? r.OrderBy(x => x.Start).ToArray() : [];
            for (var i = 1; i < ranges.Length; i++)
                if (ranges[i - 1].Overlaps(ranges[i]))
                    throw new ArgumentException($"{d}: ranges {ranges[i - 1]} and {ranges[i]} overlap.");
            _byDay[(int)d] = ranges;
        }
    }

    /// <summary>Builds a week where every listed day has the same ranges.</summary>
    public static WeeklyHours Every(IEnumerable<IsoDayOfWeek> days, params LocalTimeRange[] ranges) =>
        new(days.ToDictionary(d => d, _ => (IReadOnlyList<LocalTimeRange>)ranges));

    public IReadOnlyList<LocalTimeRange> On(IsoDayOfWeek day) => _byDay[(int)day];

    public IEnumerable<(IsoDayOfWeek Day, IReadOnlyList<LocalTimeRange> Ranges)> Days()
    {
        for (var d = IsoDayOfWeek.Monday; d <= IsoDayOfWeek.Sunday; d++)
            if (_byDay[(int)d].Length > 0)
                yield return (d, _byDay[(int)d]);
    }
}
