using FastBooking.Api.Common;
using FastBooking.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace FastBooking.Api.Features.Staff.List;

public sealed class Endpoint(FastBookingDb db) : EndpointWithoutRequest<List<StaffResponse>>
{
    public override void Configure() => Get("/staff");

    public override async Task HandleAsync(CancellationToken ct)
    {
        var businessId = HttpContext.BusinessId().Value;
        var staff = await db.Staff.AsNoTracking().Where(s => s.BusinessId == businessId && s.Active).OrderBy(s => s.Id).ToListAsync(ct);
        await Send.OkAsync(staff.Select(StaffResponse.From).ToList(), ct);
    }
}
