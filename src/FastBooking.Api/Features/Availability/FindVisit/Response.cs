using FastBooking.Api.Common;
using FastBooking.Application.Availability.FindVisit;
using NodaTime;

namespace FastBooking.Api.Features.Availability.FindVisit;

/// <summary>Every bookable visit: its start and end, and per item its times and the staff who could take it.</summary>
public sealed record Response(string BusinessTimeZone, IReadOnlyList<Guid> ServiceIds, bool SameStaff, string From, string To, IReadOnlyList<Response.SlotDto> Slots)
{
    public sealed record SlotDto(string Start, string End, IReadOnlyList<ItemDto> Items);

    public sealed record ItemDto(Guid ServiceId, string Start, string End, IReadOnlyList<Guid> StaffIds);

    public static Response Of(AvailableVisits visits, DateTimeZone zone) => new(
        visits.Business.Zone.Id, visits.Search.Items.Select(i => i.Service.Id.Value).ToList(), visits.Search.SameStaff,
        ApiFormats.Format(visits.Search.From), ApiFormats.Format(visits.Search.To),
        visits.Slots.Select(s => new SlotDto(ApiFormats.Format(s.Start, zone), ApiFormats.Format(s.End, zone),
            s.Items.Select(i => new ItemDto(i.ServiceId.Value, ApiFormats.Format(i.Start, zone), ApiFormats.Format(i.End, zone),
                i.StaffIds.Select(id => id.Value).ToList())).ToList())).ToList());

    public static Response Example
    {
        get
        {
            Guid colour = Guid.Parse("00000000-0000-4000-8002-000000000006"), cut = Guid.Parse("00000000-0000-4000-8002-000000000001");
            Guid ann = Guid.Parse("00000000-0000-4000-8001-000000000002"), bob = Guid.Parse("00000000-0000-4000-8001-000000000003");
            return new("Europe/London", [colour, cut], false, "2026-12-01", "2026-12-01",
            [
                new("2026-12-01T09:00:00+00:00", "2026-12-01T10:35:00+00:00",
                [
                    new(colour, "2026-12-01T09:00:00+00:00", "2026-12-01T10:05:00+00:00", [ann]),
                    new(cut, "2026-12-01T10:05:00+00:00", "2026-12-01T10:35:00+00:00", [ann, bob]),
                ]),
            ]);
        }
    }
}
