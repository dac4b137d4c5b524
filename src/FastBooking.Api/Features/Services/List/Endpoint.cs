using FastBooking.Api.Common;
using FastBooking.Application.Catalog;
using FastBooking.Application.Catalog.Services.List;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.Services.List;

public sealed class Endpoint(IHandler<ListServices, ServiceList> list) : EndpointWithoutRequest<List<ServiceResponse>>
{
    public override void Configure() => Get("/services");

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.ResultAsync((await list.HandleAsync(new ListServices(HttpContext.BusinessId()), ct))
            .ToHttp(list => list.Services.Select(ServiceResponse.From).ToList()));
}
