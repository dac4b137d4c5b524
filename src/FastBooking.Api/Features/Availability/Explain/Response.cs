using FastBooking.Application.Availability.Explain;

namespace FastBooking.Api.Features.Availability.Explain;

public sealed record Response(bool Bookable, IReadOnlyList<Response.ReasonDto> Reasons)
{
    public sealed record ReasonDto(string Code, string Detail);

    public static Response Example => new(false, [new("break", "Overlaps a break 2026-12-01T13:00:00Z–2026-12-01T14:00:00Z.")]);

    public static Response From(Explanation e) =>
        new(e.Reasons.Count == 0, e.Reasons.Select(r => new ReasonDto(r.Code, r.Detail)).ToList());
}
