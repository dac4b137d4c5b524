using FastBooking.Api.Common;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Outbox;
using FastBooking.Infrastructure.Scheduling;
using FastEndpoints;
using NodaTime;

namespace FastBooking.Api.Features.Services;

/// <summary>Retires a service: no new bookings; existing appointments keep it.</summary>
public sealed class Delete(FastBookingDb db, ServiceStore services, CatalogCache catalogs, IClock clock) : Endpoint<IdRequest>
{
    public override void Configure() => Delete("/services/{id}");

    public override async Task HandleAsync(IdRequest req, CancellationToken ct)
    {
        var businessId = HttpContext.BusinessId();
        var row = await services.FindAsync(businessId.Value, req.Id, ct);
        if (row is null)
        {
            await Send.ResultAsync(Problem.NotFound("No such service."));
            return;
        }
        row.Active = false;
        OutboxEvents.BusinessCatalogChanged(db, businessId.Value, clock.GetCurrentInstant());
        await db.SaveChangesAsync(ct);
        catalogs.Forget(businessId);
        await Send.NoContentAsync(ct);
    }
}
