namespace FastBooking.Api.Features.Availability.Find;

/// <summary>The full view (the default): every bookable slot with the staff who could take it, in start order.</summary>
public sealed record Response(string BusinessTimeZone, Guid ServiceId, string From, string To, IReadOnlyList<Response.SlotDto> Slots)
{
    public sealed record SlotDto(string Start, string End, IReadOnlyList<Guid> StaffIds);

    public static Response Example
    {
        get
        {
            Guid[] staff = [Guid.Parse("00000000-0000-4000-8001-000000000002"), Guid.Parse("00000000-0000-4000-8001-000000000003")];
            return new("Europe/London", Guid.Parse("00000000-0000-4000-8002-000000000001"), "2026-12-01", "2026-12-01",
            [
                new("2026-12-01T09:00:00+00:00", "2026-12-01T09:30:00+00:00", staff),
                new("2026-12-01T09:15:00+00:00", "2026-12-01T09:45:00+00:00", staff),
                new("2026-12-01T09:30:00+00:00", "2026-12-01T10:00:00+00:00", [staff[0]]),
            ]);
        }
    }
}

/// <summary>
/// The times view (<c>view=times</c>): per local date and offset, the bookable start times (HH:mm); the staff member
/// is chosen at booking. A date with no start is absent; a date whose offset changes (DST) has one entry per offset.
/// </summary>
public sealed record TimesResponse(string BusinessTimeZone, Guid ServiceId, string From, string To, string View, IReadOnlyList<TimesResponse.Day> Days)
{
    public sealed record Day(string Date, string Offset, IReadOnlyList<string> Times);
}
