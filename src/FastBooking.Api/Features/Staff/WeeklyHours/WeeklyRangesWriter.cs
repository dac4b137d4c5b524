using FastBooking.Api.Common;
using FastBooking.Infrastructure.Outbox;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.ReadModel;
using FastBooking.Infrastructure.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FastBooking.Api.Features.Staff.WeeklyHours;

/// <summary>Replaces one kind of weekly range (working hours or breaks) of a staff member, in one transaction.</summary>
public sealed class WeeklyRangesWriter(FastBookingDb db, ReadModelSync sync, IClock clock)
{
    public async Task<IResult> ReplaceAsync(HttpContext http, WeekRequest req, string kind, CancellationToken ct)
    {
        var businessId = http.BusinessId().Value;
        var staff = await db.FindStaffAsync(businessId, req.Id, ct);
        if (staff is null) return Problem.NotFound("No such staff member.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.WeeklyRanges.Where(w => w.StaffId == staff.Id && w.Kind == kind).ExecuteDeleteAsync(ct);
        foreach (var day in req.Days!)
            foreach (var range in day.Intervals!)
                db.WeeklyRanges.Add(new WeeklyRangeRow
                {
                    StaffId = staff.Id, Kind = kind, Weekday = (int)day.Day, StartMinute = range.StartMinute, EndMinute = range.EndMinute,
                });
        OutboxEvents.StaffScheduleChanged(db, businessId, staff.Id, clock.GetCurrentInstant());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await sync.StaffChangedAsync(http.BusinessId(), staff.Id, ct);
        return Results.Ok(new
        {
            days = req.Days!.OrderBy(d => d.Day).Select(d => new
            {
                weekday = d.Day.ToString().ToLowerInvariant(),
                intervals = d.Intervals!.OrderBy(i => i.StartMinute).Select(i => TimeRangeDto.From(i.StartMinute, i.EndMinute)),
            }),
        });
    }
}
