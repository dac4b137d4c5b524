using System.Diagnostics.CodeAnalysis;
using NodaTime;
using NodaTime.Text;

namespace FastBooking.Api.Common;

/// <summary>The API's text forms of time: instants with offset, local dates, local times (HH:mm, with 24:00 as an end).</summary>
public static class ApiFormats
{
    private static readonly OffsetDateTimePattern OffsetOut =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");
    private static readonly OffsetDateTimePattern OffsetIn = OffsetDateTimePattern.ExtendedIso;
    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    public static string Format(Instant instant, DateTimeZone zone) => OffsetOut.Format(instant.InZone(zone).ToOffsetDateTime());

    public static string Format(LocalDate date) => Date.Format(date);

    public static string FormatMinute(int minuteOfDay) => minuteOfDay == 1440 ? "24:00" : $"{minuteOfDay / 60:D2}:{minuteOfDay % 60:D2}";

    /// <summary>
    /// Accepted dates and instants lie in years 2000–2199 (docs/api.md): far inside NodaTime's range, and close enough
    /// that the engine's arithmetic in nanoseconds between any two of them cannot overflow.
    /// </summary>
    public const int MinYear = 2000, MaxYear = 2199;

    /// <summary>An ISO-8601 date-time with an offset (or Z), in years <see cref="MinYear"/>–<see cref="MaxYear"/>.</summary>
    public static bool TryInstant([NotNullWhen(true)] string? text, out Instant instant)
    {
        instant = default;
        if (!IsPlain(text)) return false;
        var result = OffsetIn.Parse(text);
        if (!result.Success || result.Value.Year is < MinYear or > MaxYear) return false;
        instant = result.Value.ToInstant();
        return true;
    }

    /// <summary>An ISO-8601 local date (yyyy-MM-dd), in years <see cref="MinYear"/>–<see cref="MaxYear"/>.</summary>
    public static bool TryDate([NotNullWhen(true)] string? text, out LocalDate date)
    {
        date = default;
        if (!IsPlain(text)) return false;
        var result = Date.Parse(text);
        if (!result.Success || result.Value.Year is < MinYear or > MaxYear) return false;
        date = result.Value;
        return true;
    }

    /// <summary>"HH:mm" as minutes since midnight; "24:00" is accepted as 1440 (the end of the day).</summary>
    public static bool TryMinuteOfDay([NotNullWhen(true)] string? text, out int minute)
    {
        minute = 0;
        if (text == "24:00") { minute = 1440; return true; }
        if (!IsPlain(text)) return false;
        var result = Time.Parse(text);
        if (result.Success) minute = result.Value.Hour * 60 + result.Value.Minute;
        return result.Success;
    }

    // NodaTime's parsers read a NUL as the end of the text: a parsed value holds printable characters only.
    private static bool IsPlain([NotNullWhen(true)] string? text) => text is not null && text.All(c => c is > ' ' and < '\u007f');

    public static DateTimeZone? Zone(string? id) => id is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);

    public static bool IsInstant(string? text) => TryInstant(text, out _);
    public static bool IsDate(string? text) => TryDate(text, out _);
    public static bool IsZone(string? text) => Zone(text) is not null;
    public static bool IsMinuteOfDay(string? text) => TryMinuteOfDay(text, out _);

    public static Instant ParseInstant(string text) => TryInstant(text, out var i) ? i : throw new FormatException(text);
    public static LocalDate ParseDate(string text) => TryDate(text, out var d) ? d : throw new FormatException(text);
    public static int ParseMinuteOfDay(string text) => TryMinuteOfDay(text, out var m) ? m : throw new FormatException(text);
}
