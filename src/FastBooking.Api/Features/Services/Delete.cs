using FastBooking.Api.Common;
using FastBooking.Infrastructure.Persistence;
using FastEndpoints;

namespace FastBooking.Api.Features.Services;

/// <summary>Retires a service: no new bookings; existing appointments keep it.</summary>
public sealed class Delete(FastBookingDb db, ServiceStore services) : Endpoint<IdRequest>
{
    public override void Configure() => Delete("/services/{id}");

    public override async Task HandleAsync(IdRequest req, CancellationToken ct)
    {
        var row = await services.FindAsync(HttpContext.BusinessId().Value, req.Id, ct);
        if (row is null)
        {
            await Send.ResultAsync(Problem.NotFound("No such service."));
            return;
        }
        row.Active = false;
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
