using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Catalog;
using FastBooking.Application.Catalog.Services.Update;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.Services.Update;

public sealed class Endpoint(IHandler<UpdateService, ServiceRecord> update) : Endpoint<ServiceRequest, ServiceResponse>
{
    public override void Configure()
    {
        Put("/services/{id}");
        Description(d => d.Takes<ServiceRequest>().Answers<ServiceResponse>(StatusCodes.Status200OK), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Replace a service";
            s.Description = "Replaces an active service's definition, who performs it included (every staff id an active staff member, else 400); " +
                "appointments already booked keep their times.";
            s.ExampleRequest = ServiceRequest.Example;
            s.ResponseExamples[StatusCodes.Status200OK] = ServiceResponse.Example;
        });
    }

    public override async Task HandleAsync(ServiceRequest req, CancellationToken ct)
    {
        var outcome = Guid.TryParse(req.Id, out var id)
            ? await update.HandleAsync(new UpdateService(HttpContext.BusinessId(), id, req.ToDefinition()), ct)
            : ServiceRecord.NotFound;
        await Send.ResultAsync(outcome.ToHttp(ServiceResponse.From));
    }
}
