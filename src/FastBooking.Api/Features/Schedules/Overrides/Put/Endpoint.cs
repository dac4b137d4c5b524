using FastBooking.Api.Common;
using FastBooking.Application.Catalog;
using FastBooking.Application.Common;
using FastBooking.Application.Schedules.Overrides.Put;
using FastBooking.Domain.Schedules;
using FastEndpoints;

namespace FastBooking.Api.Features.Schedules.Overrides.Put;

/// <summary>Replaces one local date's hours for a staff member; no intervals means closed that day.</summary>
public sealed class Endpoint(IHandler<PutOverride, DateOverride> put) : Endpoint<Request, Response>
{
    public override void Configure() => Put("/staff/{id}/overrides/{date}");

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = Guid.TryParse(req.Id, out var staff)
            ? await put.HandleAsync(new PutOverride(HttpContext.BusinessId(), staff, req.ToOverride()), ct)
            : StaffMember.NotFound;
        await Send.ResultAsync(outcome.ToHttp(Response.From));
    }
}
