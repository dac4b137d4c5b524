using FastBooking.Api.Common;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Scheduling;
using FastBooking.Domain.Businesses;
using FastBooking.Infrastructure.Outbox;
using FastEndpoints;
using NodaTime;

namespace FastBooking.Api.Features.Services;

public sealed class Update(FastBookingDb db, ServiceStore services, CatalogCache catalogs, IClock clock) : Endpoint<ServiceRequest, ServiceResponse>
{
    public override void Configure() => Put("/services/{id}");

    public override async Task HandleAsync(ServiceRequest req, CancellationToken ct)
    {
        var businessId = HttpContext.BusinessId().Value;
        var row = await services.FindAsync(businessId, req.Id, ct);
        var problem = row is null ? Problem.NotFound("No such service.") : await services.ApplyAsync(businessId, row, req, ct);
        if (problem is not null)
        {
            await Send.ResultAsync(problem);
            return;
        }
        OutboxEvents.BusinessCatalogChanged(db, businessId, clock.GetCurrentInstant());
        await db.SaveChangesAsync(ct);
        catalogs.Forget(new BusinessId(businessId));
        await Send.OkAsync(ServiceResponse.From(row!), ct);
    }
}
