using NodaTime;
using NodaTime.Text;

namespace FastBooking.Api.Tests.Support;

/// <summary>Starts for engines on the real clock (<see cref="SeparateEngine"/>: its clock is not faked).</summary>
public static class RealClock
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly OffsetDateTimePattern Api = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:sso<+HH:mm>");

    /// <summary>A time of day in London, some days from today, as the API writes it.</summary>
    public static string Start(int hour = 10, int minute = 0, int day = 3)
    {
        var date = SystemClock.Instance.GetCurrentInstant().InZone(London).Date.PlusDays(day);
        return Api.Format(date.At(new LocalTime(hour, minute)).InZoneLeniently(London).ToOffsetDateTime());
    }
}
