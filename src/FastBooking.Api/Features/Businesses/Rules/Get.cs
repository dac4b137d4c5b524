using FastBooking.Api.Common;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Scheduling;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace FastBooking.Api.Features.Businesses.Rules;

public sealed class Get(FastBookingDb db) : EndpointWithoutRequest<RulesDto>
{
    public override void Configure() => Get("/business/rules");

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = HttpContext.BusinessId().Value;
        var row = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == id, ct);
        await Send.OkAsync(RulesDto.From(row.RulesOf()), ct);
    }
}
