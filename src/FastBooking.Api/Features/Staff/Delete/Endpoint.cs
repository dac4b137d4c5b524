using FastBooking.Api.Common;
using FastBooking.Infrastructure.Outbox;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.ReadModel;
using FastEndpoints;
using NodaTime;

namespace FastBooking.Api.Features.Staff.Delete;

public sealed class Request
{
    public string? Id { get; set; }
}

/// <summary>Deactivates a staff member: no new bookings; existing appointments stay as they are.</summary>
public sealed class Endpoint(FastBookingDb db, ReadModelSync sync, IClock clock) : Endpoint<Request>
{
    public override void Configure() => Delete("/staff/{id}");

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var businessId = HttpContext.BusinessId().Value;
        var staff = await db.FindStaffAsync(businessId, req.Id, ct);
        if (staff is null)
        {
            await Send.ResultAsync(Problem.NotFound("No such staff member."));
            return;
        }
        staff.Active = false;
        OutboxEvents.StaffScheduleChanged(db, businessId, staff.Id, clock.GetCurrentInstant());
        await db.SaveChangesAsync(ct);
        await sync.StaffChangedAsync(HttpContext.BusinessId(), staff.Id, ct);
        await Send.NoContentAsync(ct);
    }
}
