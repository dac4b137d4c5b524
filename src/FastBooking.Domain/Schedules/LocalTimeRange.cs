using NodaTime;

namespace FastBooking.Domain.Schedules;

/// <summary>
/// A half-open range of local wall-clock time within one local date, [Start, End).
/// <see cref="EndsAtMidnight"/> stands for "24:00", which <see cref="LocalTime"/> cannot express.
/// </summary>
public readonly record struct LocalTimeRange
{
    public LocalTime Start { get; }
    public LocalTime End { get; }
    public bool EndsAtMidnight => End == LocalTime.Midnight;

    public LocalTimeRange(LocalTime start, LocalTime end)
    {
        if (start.Second != 0 || start.NanosecondOfSecond != 0 || end.Second != 0 || end.NanosecondOfSecond != 0)
            throw new ArgumentException("Schedule times are whole minutes.");
        if (end != LocalTime.Midnight && end <= start)
            throw new ArgumentException($"A time range must end after it starts ({start:HH:mm}–{end:HH:mm}).");
        Start = start;
        End = end;
    }

    public static LocalTimeRange Of(int startHour, int startMinute, int endHour, int endMinute) =>
        new(new LocalTime(startHour, startMinute), endHour == 24 ? LocalTime.Midnight : new LocalTime(endHour, endMinute));

    /// <summary>From minutes since local midnight, as they are stored and sent; an end of 1440 is 24:00.</summary>
    public static LocalTimeRange FromMinutes(int startMinute, int endMinute) =>
        new(LocalTime.FromMinutesSinceMidnight(startMinute), endMinute == 1440 ? LocalTime.Midnight : LocalTime.FromMinutesSinceMidnight(endMinute));

    public int StartMinute => Start.Hour * 60 + Start.Minute;

    /// <summary>Minutes since local midnight; 1440 for a range that ends at midnight.</summary>
    public int EndMinute => EndsAtMidnight ? 1440 : End.Hour * 60 + End.Minute;

    public LocalDateTime StartOn(LocalDate date) => date + Start;

    public LocalDateTime EndOn(LocalDate date) => EndsAtMidnight ? date.PlusDays(1).AtMidnight() : date + End;

    /// <summary>Whether a wall-clock time of day falls in the range.</summary>
    public bool Contains(LocalTime time) => time >= Start && (EndsAtMidnight || time < End);

    public bool Overlaps(LocalTimeRange other) =>
        (EndsAtMidnight || other.Start < End) && (other.EndsAtMidnight || Start < other.End);

    public override string ToString() => $"{Start:HH:mm}–{(EndsAtMidnight ? "24:00" : End.ToString("HH:mm", null))}";
}
