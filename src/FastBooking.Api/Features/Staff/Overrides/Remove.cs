using FastBooking.Api.Common;
using FastBooking.Infrastructure.Outbox;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.ReadModel;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FastBooking.Api.Features.Staff.Overrides;

public sealed class RemoveRequest
{
    public string? Id { get; set; }
    public string? Date { get; set; }
}

public sealed class Remove(FastBookingDb db, ReadModelSync sync, IClock clock) : Endpoint<RemoveRequest>
{
    public override void Configure() => Delete("/staff/{id}/overrides/{date}");

    public override async Task HandleAsync(RemoveRequest req, CancellationToken ct)
    {
        var businessId = HttpContext.BusinessId().Value;
        var staff = await db.FindStaffAsync(businessId, req.Id, ct);
        var row = staff is not null && ApiFormats.TryDate(req.Date, out var date)
            ? await db.DateOverrides.FirstOrDefaultAsync(o => o.StaffId == staff.Id && o.Date == date, ct)
            : null;
        if (row is null)
        {
            await Send.ResultAsync(Problem.NotFound("No such override."));
            return;
        }
        db.DateOverrides.Remove(row);
        OutboxEvents.StaffScheduleChanged(db, businessId, staff!.Id, clock.GetCurrentInstant());
        await db.SaveChangesAsync(ct);
        await sync.StaffChangedAsync(HttpContext.BusinessId(), staff.Id, ct);
        await Send.NoContentAsync(ct);
    }
}
