namespace FastBooking.Api.Features.Availability.Find;

public sealed record Response(string BusinessTimeZone, Guid ServiceId, string From, string To, IReadOnlyList<Response.SlotDto> Slots)
{
    public sealed record SlotDto(string Start, string End, IReadOnlyList<Guid> StaffIds);
}
