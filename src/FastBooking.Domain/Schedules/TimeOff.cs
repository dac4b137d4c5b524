using NodaTime;

namespace FastBooking.Domain.Schedules;

/// <summary>One-off absence (vacation, sick leave) as an instant range; whole local dates are converted at the edge.</summary>
public sealed record TimeOff(Guid Id, Interval Period, string? Reason)
{
    /// <summary>Time off covering whole local dates, from the start of <paramref name="first"/> to the end of <paramref name="last"/>.</summary>
    public static TimeOff ForDates(Guid id, LocalDate first, LocalDate last, DateTimeZone zone, string? reason) =>
        new(id, new Interval(zone.AtStartOfDay(first).ToInstant(), zone.AtStartOfDay(last.PlusDays(1)).ToInstant()), reason);
}
