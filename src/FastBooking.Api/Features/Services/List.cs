using FastBooking.Api.Common;
using FastBooking.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace FastBooking.Api.Features.Services;

public sealed class List(FastBookingDb db) : EndpointWithoutRequest<List<ServiceResponse>>
{
    public override void Configure() => Get("/services");

    public override async Task HandleAsync(CancellationToken ct)
    {
        var businessId = HttpContext.BusinessId().Value;
        var rows = await db.Services.AsNoTracking().Include(s => s.Staff)
            .Where(s => s.BusinessId == businessId && s.Active).OrderBy(s => s.Id).ToListAsync(ct);
        await Send.OkAsync(rows.Select(ServiceResponse.From).ToList(), ct);
    }
}
