using FastBooking.Api.Common;
using FastBooking.Application.Catalog;
using FastBooking.Application.Catalog.Services.List;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.Services.List;

/// <summary>The business's active services, in id order, a page at a time.</summary>
public sealed class Endpoint(IHandler<ListServices, Page<ServiceRecord>> list) : Endpoint<Request, PageResponse<ServiceResponse>>
{
    public override void Configure()
    {
        Get("/services");
        Validator<PagingRules.Only<Request>>();
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync((await list.HandleAsync(new ListServices(HttpContext.BusinessId(), req.Page), ct))
            .ToHttp(page => PageResponse<ServiceResponse>.From(page, ServiceResponse.From)));
}
