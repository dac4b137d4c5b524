using FastBooking.Api.Common;
using FastBooking.Application.Catalog;
using FastBooking.Application.Catalog.Staff.Get;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.Staff.Get;

public sealed class Endpoint(IHandler<GetStaff, StaffMember> get) : Endpoint<Request, StaffResponse>
{
    public override void Configure() => Get("/staff/{id}");

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = Guid.TryParse(req.Id, out var id)
            ? await get.HandleAsync(new GetStaff(HttpContext.BusinessId(), id), ct)
            : StaffMember.NotFound;
        await Send.ResultAsync(outcome.ToHttp(StaffResponse.From));
    }
}
