using NodaTime;

namespace FastBooking.Api.Common;

/// <summary>A part of an appointment (or a hold) in which the staff member is free for another client: a processing phase.</summary>
public sealed record ProcessingDto(string Start, string End)
{
    public static IReadOnlyList<ProcessingDto> List(IEnumerable<Interval> processing, DateTimeZone zone) =>
        processing.Select(p => new ProcessingDto(ApiFormats.Format(p.Start, zone), ApiFormats.Format(p.End, zone))).ToList();
}
