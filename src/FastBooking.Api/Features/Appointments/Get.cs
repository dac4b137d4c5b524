using FastBooking.Api.Common;
using FastBooking.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FastBooking.Api.Features.Appointments;

public sealed class GetRequest
{
    public string? Id { get; set; }
}

public sealed class Get(FastBookingDb db) : Endpoint<GetRequest, AppointmentResponse>
{
    public override void Configure() => Get("/appointments/{id}");

    public override async Task HandleAsync(GetRequest req, CancellationToken ct)
    {
        var businessId = HttpContext.BusinessId().Value;
        var row = Guid.TryParse(req.Id, out var id)
            ? await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.BusinessId == businessId, ct)
            : null;
        if (row is null)
        {
            await Send.ResultAsync(Problem.NotFound("No such appointment."));
            return;
        }
        var zone = await db.Businesses.Where(b => b.Id == businessId).Select(b => b.TimeZone).SingleAsync(ct);
        await Send.OkAsync(AppointmentResponse.From(row, DateTimeZoneProviders.Tzdb[zone]), ct);
    }
}
