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

public sealed class Remove(FastBookingDb db, ScheduleChanges changes) : Endpoint<RemoveRequest>
{
    public override void Configure() => Delete("/staff/{id}/time-off/{timeOffId}");

    public override async Task HandleAsync(RemoveRequest req, CancellationToken ct) =>
        await Send.ResultAsync(await changes.ApplyAsync(HttpContext, req.Id, async staff =>
        {
            var row = Guid.TryParse(req.TimeOffId, out var id)
                ? await db.TimeOff.FirstOrDefaultAsync(t => t.Id == id && t.StaffId == staff.Id, ct)
                : null;
            if (row is null) return Problem.NotFound("No such time off.");
            db.TimeOff.Remove(row);
            return Results.NoContent();
        }, ct));
}
