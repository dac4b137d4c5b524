using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace FastBooking.Api.Features.Staff.WeeklyHours;

/// <summary>Replaces one kind of weekly range (working hours or breaks) of a staff member.</summary>
public sealed class WeeklyRangesWriter(FastBookingDb db, ScheduleChanges changes)
{
    public Task<IResult> ReplaceAsync(HttpContext http, WeekRequest req, string kind, CancellationToken ct) =>
        changes.ApplyAsync(http, req.Id, async staff =>
        {
            await db.WeeklyRanges.Where(w => w.StaffId == staff.Id && w.Kind == kind).ExecuteDeleteAsync(ct);
            foreach (var day in req.Days!)
                foreach (var range in day.Intervals!)
                    db.WeeklyRanges.Add(new WeeklyRangeRow
                    {
                        StaffId = staff.Id, Kind = kind, Weekday = (int)day.Day, StartMinute = range.StartMinute, EndMinute = range.EndMinute,
                    });
            return Results.Ok(new
            {
                days = req.Days!.OrderBy(d => d.Day).Select(d => new
                {
                    weekday = d.Day.ToString().ToLowerInvariant(),
                    intervals = d.Intervals!.OrderBy(i => i.StartMinute).Select(i => TimeRangeDto.From(i.StartMinute, i.EndMinute)),
                }),
            });
        }, ct);
}
