using FastBooking.Api.Common;
using FastBooking.Application.Catalog;
using FastBooking.Application.Catalog.Services.Update;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.Services.Update;

public sealed class Endpoint(IHandler<UpdateService, ServiceRecord> update) : Endpoint<ServiceRequest, ServiceResponse>
{
    public override void Configure() => Put("/services/{id}");

    public override async Task HandleAsync(ServiceRequest req, CancellationToken ct)
    {
        var outcome = Guid.TryParse(req.Id, out var id)
            ? await update.HandleAsync(new UpdateService(HttpContext.BusinessId(), id, req.ToDefinition()), ct)
            : ServiceRecord.NotFound;
        await Send.ResultAsync(outcome.ToHttp(ServiceResponse.From));
    }
}
