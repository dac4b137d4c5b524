using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Common;
using FastBooking.Application.Resources;
using FastBooking.Application.Resources.Outages.Remove;
using FastEndpoints;

namespace FastBooking.Api.Features.Resources.Outages.Remove;

public sealed class Endpoint(IHandler<RemoveOutage, Done> remove) : Endpoint<Request>
{
    public override void Configure()
    {
        Delete("/resource-units/{id}/outages/{outageId}");
        Description(d => d.AnswersNoContent(), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Put a resource unit back in service";
            s.Description = "Removes one outage of a unit: its time is bookable again.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = Guid.TryParse(req.Id, out var unit)
            ? await remove.HandleAsync(new RemoveOutage(HttpContext.BusinessId(), unit, Guid.TryParse(req.OutageId, out var id) ? id : null), ct)
            : ResourceUnit.NotFound;
        await Send.ResultAsync(outcome.ToHttp());
    }
}
