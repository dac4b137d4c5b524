using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Catalog;
using FastBooking.Application.Common;
using FastBooking.Application.Schedules.Deactivate;
using FastEndpoints;

namespace FastBooking.Api.Features.Schedules.Deactivate;

/// <summary>DELETE deactivates a staff member: no new bookings; existing appointments stay as they are.</summary>
public sealed class Endpoint(IHandler<DeactivateStaff, Done> deactivate) : Endpoint<Request>
{
    public override void Configure()
    {
        Delete("/staff/{id}");
        Description(d => d.AnswersNoContent(), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Deactivate a staff member";
            s.Description = "Deactivates an active staff member: they leave availability and the services they performed and can no longer be booked or held; " +
                "their existing appointments stay as they are.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = Guid.TryParse(req.Id, out var staff)
            ? await deactivate.HandleAsync(new DeactivateStaff(HttpContext.BusinessId(), staff), ct)
            : StaffMember.NotFound;
        await Send.ResultAsync(outcome.ToHttp());
    }
}
