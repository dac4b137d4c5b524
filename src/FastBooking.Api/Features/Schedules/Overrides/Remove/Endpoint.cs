using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Catalog;
using FastBooking.Application.Common;
using FastBooking.Application.Schedules.Overrides.Remove;
using FastEndpoints;

namespace FastBooking.Api.Features.Schedules.Overrides.Remove;

public sealed class Endpoint(IHandler<RemoveOverride, Done> remove) : Endpoint<Request>
{
    public override void Configure()
    {
        Delete("/staff/{id}/overrides/{date}");
        Description(d => d.AnswersNoContent(), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Remove a staff member's override of one date";
            s.Description = "Removes the override of one business-local date: the staff member's weekly working hours apply to it again. 404 when the date has none.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = Guid.TryParse(req.Id, out var staff)
            ? await remove.HandleAsync(
                new RemoveOverride(HttpContext.BusinessId(), staff, ApiFormats.TryDate(req.Date, out var date) ? date : null), ct)
            : StaffMember.NotFound;
        await Send.ResultAsync(outcome.ToHttp());
    }
}
