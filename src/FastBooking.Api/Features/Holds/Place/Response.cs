using FastBooking.Api.Common;
using FastBooking.Application.Holds.Place;

namespace FastBooking.Api.Features.Holds.Place;

public sealed record Response(string Token, Guid StaffId, Guid ServiceId, string Start, string End, string ExpiresAt)
{
    public static Response From(PlacedHold placed)
    {
        var (h, zone) = (placed.Hold, placed.Zone);
        return new(h.Token.Value, h.StaffId.Value, h.ServiceId.Value,
            ApiFormats.Format(h.Booked.Start, zone), ApiFormats.Format(h.Booked.End, zone), ApiFormats.Format(h.ExpiresAt, zone));
    }
}
