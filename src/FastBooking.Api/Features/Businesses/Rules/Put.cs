using FastBooking.Api.Common;
using FastBooking.Infrastructure.Outbox;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Scheduling;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FastBooking.Api.Features.Businesses.Rules;

public sealed class Put(FastBookingDb db, CatalogCache catalogs, IClock clock) : Endpoint<RulesDto, RulesDto>
{
    public override void Configure()
    {
        Put("/business/rules");
        Validator<RulesDto.Validator>();
    }

    public override async Task HandleAsync(RulesDto req, CancellationToken ct)
    {
        var id = HttpContext.BusinessId().Value;
        var row = await db.Businesses.SingleAsync(b => b.Id == id, ct);
        row.SetRules(req.ToRules());
        OutboxEvents.BusinessRulesChanged(db, id, clock.GetCurrentInstant());
        await db.SaveChangesAsync(ct);
        catalogs.Forget(HttpContext.BusinessId());
        await Send.OkAsync(RulesDto.From(row.RulesOf()), ct);
    }
}
