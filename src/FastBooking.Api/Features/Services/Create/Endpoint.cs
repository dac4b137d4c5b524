using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Catalog;
using FastBooking.Application.Catalog.Services.Create;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.Services.Create;

public sealed class Endpoint(IHandler<CreateService, ServiceRecord> create) : Endpoint<ServiceRequest, ServiceResponse>
{
    public override void Configure()
    {
        Post("/services");
        PreProcessor<ReadIdempotencyKey<ServiceRequest>>();
        Description(d => d.Takes<ServiceRequest>().Answers<ServiceResponse>(StatusCodes.Status201Created), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Add a service";
            s.Description = "Adds an active service with its duration, buffers, price and who performs it (each staff member optionally with a duration of their own); " +
                "every staff id must be an active staff member of the business, else 400.";
            // No ExampleRequest: ServiceRequest's schema, shared with Update, shows Update's; one set here would put Update's route id in the body.
            s.ResponseExamples[StatusCodes.Status201Created] = ServiceResponse.Example;
        });
    }

    public override async Task HandleAsync(ServiceRequest req, CancellationToken ct) =>
        await Send.ResultAsync((await create.HandleAsync(new CreateService(HttpContext.BusinessId(), req.ToDefinition(), HttpContext.IdempotencyKey()), ct))
            .ToHttp(ServiceResponse.From));
}
