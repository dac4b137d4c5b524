using FastBooking.Api.Common;
using FastBooking.Infrastructure.Persistence;
using FastEndpoints;

namespace FastBooking.Api.Features.Services;

public sealed class Update(FastBookingDb db, ServiceStore services) : Endpoint<ServiceRequest, ServiceResponse>
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
        await db.SaveChangesAsync(ct);
        await Send.OkAsync(ServiceResponse.From(row!), ct);
    }
}
