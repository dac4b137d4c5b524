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

public sealed class Remove(FastBookingDb db, ScheduleChanges changes) : Endpoint<RemoveRequest>
{
    public override void Configure() => Delete("/staff/{id}/overrides/{date}");

    public override async Task HandleAsync(RemoveRequest req, CancellationToken ct) =>
        await Send.ResultAsync(await changes.ApplyAsync(HttpContext, req.Id, async staff =>
        {
            var row = ApiFormats.TryDate(req.Date, out var date)
                ? await db.DateOverrides.FirstOrDefaultAsync(o => o.StaffId == staff.Id && o.Date == date, ct)
                : null;
            if (row is null) return Problem.NotFound("No such override.");
            db.DateOverrides.Remove(row);
            return Results.NoContent();
        }, ct));
}
