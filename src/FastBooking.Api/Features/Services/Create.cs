using FastBooking.Api.Common;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Persistence.Rows;
using FastBooking.Infrastructure.Scheduling;
using FastBooking.Domain.Businesses;
using FastBooking.Infrastructure.Outbox;
using FastEndpoints;
using NodaTime;

namespace FastBooking.Api.Features.Services;

public sealed class Create(FastBookingDb db, ServiceStore services, CatalogCache catalogs, IClock clock) : Endpoint<ServiceRequest, ServiceResponse>
{
    public override void Configure() => Post("/services");

    public override async Task HandleAsync(ServiceRequest req, CancellationToken ct)
    {
        var businessId = HttpContext.BusinessId().Value;
        var row = new ServiceRow { Id = Guid.CreateVersion7(), BusinessId = businessId, Name = req.Name!, Active = true, CreatedAt = clock.GetCurrentInstant() };
        if (await services.ApplyAsync(businessId, row, req, ct) is { } problem)
        {
            await Send.ResultAsync(problem);
            return;
        }
        db.Services.Add(row);
        OutboxEvents.BusinessCatalogChanged(db, businessId, clock.GetCurrentInstant());
        await db.SaveChangesAsync(ct);
        catalogs.Forget(new BusinessId(businessId));
        await Send.ResponseAsync(ServiceResponse.From(row), 201, ct);
    }
}
