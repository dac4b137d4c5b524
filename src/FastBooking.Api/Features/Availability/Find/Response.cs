namespace FastBooking.Api.Features.Availability.Find;

/// <summary>The full view (the default): every bookable slot with the staff who could take it, in start order.</summary>
public sealed record Response(string BusinessTimeZone, Guid ServiceId, string From, string To, IReadOnlyList<Response.SlotDto> Slots)
{
    public sealed record SlotDto(string Start, string End, IReadOnlyList<Guid> StaffIds);
}

/// <summary>
/// The times view (<c>view=times</c>): per local date and offset, the bookable start times (HH:mm); the staff member
/// is chosen at booking. A date with no start is absent; a date whose offset changes (DST) has one entry per offset.
/// </summary>
public sealed record TimesResponse(string BusinessTimeZone, Guid ServiceId, string From, string To, string View, IReadOnlyList<TimesResponse.Day> Days)
{
    public sealed record Day(string Date, string Offset, IReadOnlyList<string> Times);
}
