using FastBooking.Api.Common;
using FastBooking.Application.Catalog;
using FastBooking.Application.Catalog.Staff.List;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.Staff.List;

public sealed class Endpoint(IHandler<ListStaff, StaffList> list) : EndpointWithoutRequest<List<StaffResponse>>
{
    public override void Configure() => Get("/staff");

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.ResultAsync((await list.HandleAsync(new ListStaff(HttpContext.BusinessId()), ct))
            .ToHttp(list => list.Staff.Select(StaffResponse.From).ToList()));
}
