using FastBooking.Api.Common;
using FastBooking.Infrastructure.Outbox;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.ReadModel;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FastBooking.Api.Features.Staff.TimeOff;

public sealed class RemoveRequest
{
    public string? Id { get; set; }
    public string? TimeOffId { get; set; }
}

public sealed class Remove(FastBookingDb db, ReadModelSync sync, IClock clock) : Endpoint<RemoveRequest>
{
    public override void Configure() => Delete("/staff/{id}/time-off/{timeOffId}");

    public override async Task HandleAsync(RemoveRequest req, CancellationToken ct)
    {
        var businessId = HttpContext.BusinessId().Value;
        var staff = await db.FindStaffAsync(businessId, req.Id, ct);
        var row = staff is not null && Guid.TryParse(req.TimeOffId, out var id)
            ? await db.TimeOff.FirstOrDefaultAsync(t => t.Id == id && t.StaffId == staff.Id, ct)
            : null;
        if (row is null)
        {
            await Send.ResultAsync(Problem.NotFound("No such time off."));
            return;
        }
        db.TimeOff.Remove(row);
        OutboxEvents.StaffScheduleChanged(db, businessId, staff!.Id, clock.GetCurrentInstant());
        await db.SaveChangesAsync(ct);
        await sync.StaffChangedAsync(HttpContext.BusinessId(), staff.Id, ct);
        await Send.NoContentAsync(ct);
    }
}
