using NodaTime;

namespace FastBooking.Domain.Schedules;

/// <summary>Special hours for one local date, replacing that weekday's working hours; no ranges means closed.</summary>
public sealed record DateOverride(LocalDate Date, IReadOnlyList<LocalTimeRange> Ranges);
