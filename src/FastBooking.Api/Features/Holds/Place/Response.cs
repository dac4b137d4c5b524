using FastBooking.Api.Common;
using FastBooking.Application.Holds.Place;

namespace FastBooking.Api.Features.Holds.Place;

public sealed record Response(string Token, Guid StaffId, Guid ServiceId, string Start, string End, IReadOnlyList<ProcessingDto> Processing, string ExpiresAt)
{
    public static Response Example => new("hld_7c2e9a41f0b35d86e1a4c7f20b9d3e58", Guid.Parse(Request.Example.StaffId!), Guid.Parse(Request.Example.ServiceId!),
        Request.Example.Start!, "2026-12-01T10:30:00+00:00", [], "2026-11-24T12:05:00+00:00");

    public static Response From(PlacedHold placed)
    {
        var (h, zone) = (placed.Hold, placed.Zone);
        return new(h.Token.Value, h.StaffId.Value, h.ServiceId.Value,
            ApiFormats.Format(h.Booked.Start, zone), ApiFormats.Format(h.Booked.End, zone),
            ProcessingDto.List(h.Processing, zone), ApiFormats.Format(h.ExpiresAt, zone));
    }
}
