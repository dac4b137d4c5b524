using FastBooking.Api.Common;
using FastBooking.Application.Catalog;
using FastBooking.Application.Common;
using FastBooking.Application.Schedules.Overrides.Remove;
using FastEndpoints;

namespace FastBooking.Api.Features.Schedules.Overrides.Remove;

public sealed class Endpoint(IHandler<RemoveOverride, Done> remove) : Endpoint<Request>
{
    public override void Configure() => Delete("/staff/{id}/overrides/{date}");

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = Guid.TryParse(req.Id, out var staff)
            ? await remove.HandleAsync(
                new RemoveOverride(HttpContext.BusinessId(), staff, ApiFormats.TryDate(req.Date, out var date) ? date : null), ct)
            : StaffMember.NotFound;
        await Send.ResultAsync(outcome.ToHttp());
    }
}
