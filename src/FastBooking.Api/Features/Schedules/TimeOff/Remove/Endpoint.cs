using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Catalog;
using FastBooking.Application.Common;
using FastBooking.Application.Schedules.TimeOff.Remove;
using FastEndpoints;

namespace FastBooking.Api.Features.Schedules.TimeOff.Remove;

public sealed class Endpoint(IHandler<RemoveTimeOff, Done> remove) : Endpoint<Request>
{
    public override void Configure()
    {
        Delete("/staff/{id}/time-off/{timeOffId}");
        Description(d => d.AnswersNoContent(), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Remove time off";
            s.Description = "Removes one period of a staff member's time off: its time is bookable again within their hours.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = Guid.TryParse(req.Id, out var staff)
            ? await remove.HandleAsync(new RemoveTimeOff(HttpContext.BusinessId(), staff, Guid.TryParse(req.TimeOffId, out var id) ? id : null), ct)
            : StaffMember.NotFound;
        await Send.ResultAsync(outcome.ToHttp());
    }
}
