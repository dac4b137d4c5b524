using NodaTime;

namespace FastBooking.Domain.Tests.Support;

/// <summary>Fixed dates of 2026 that the specifications are written against.</summary>
public static class Dates
{
    /// <summary>An ordinary Monday, far from any DST change.</summary>
    public static readonly LocalDate Monday = new(2026, 6, 1);
    public static readonly LocalDate Tuesday = Monday.PlusDays(1);
    public static readonly LocalDate Wednesday = Monday.PlusDays(2);

    public static readonly LocalDate LondonSpringForward = new(2026, 3, 29); // 01:00 GMT → 02:00 BST
    public static readonly LocalDate LondonFallBack = new(2026, 10, 25);     // 02:00 BST → 01:00 GMT
    public static readonly LocalDate NewYorkSpringForward = new(2026, 3, 8); // 02:00 EST → 03:00 EDT
    public static readonly LocalDate NewYorkFallBack = new(2026, 11, 1);     // 02:00 EDT → 01:00 EST
    public static readonly LocalDate LordHoweFallBack = new(2026, 4, 5);     // 02:00 +11 → 01:30 +10:30
    public static readonly LocalDate LordHoweSpringForward = new(2026, 10, 4); // 02:00 +10:30 → 02:30 +11

    /// <summary>A "now" well before <paramref name="date"/>: noon two days earlier in <paramref name="zone"/>.</summary>
    public static Instant NowBefore(LocalDate date, DateTimeZone zone) =>
        zone.AtLeniently(date.PlusDays(-2).At(new LocalTime(12, 0))).ToInstant();
}
