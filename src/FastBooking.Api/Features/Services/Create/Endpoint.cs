using FastBooking.Api.Common;
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
    }

    public override async Task HandleAsync(ServiceRequest req, CancellationToken ct) =>
        await Send.ResultAsync((await create.HandleAsync(new CreateService(HttpContext.BusinessId(), req.ToDefinition(), HttpContext.IdempotencyKey()), ct))
            .ToHttp(ServiceResponse.From));
}
