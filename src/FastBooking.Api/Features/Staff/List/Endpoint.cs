using FastBooking.Api.Common;
using FastBooking.Application.Catalog;
using FastBooking.Application.Catalog.Staff.List;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.Staff.List;

/// <summary>The business's active staff, in id order, a page at a time.</summary>
public sealed class Endpoint(IHandler<ListStaff, Page<StaffMember>> list) : Endpoint<Request, PageResponse<StaffResponse>>
{
    public override void Configure()
    {
        Get("/staff");
        Validator<PagingRules.Only<Request>>();
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync((await list.HandleAsync(new ListStaff(HttpContext.BusinessId(), req.Page), ct))
            .ToHttp(page => PageResponse<StaffResponse>.From(page, StaffResponse.From)));
}
