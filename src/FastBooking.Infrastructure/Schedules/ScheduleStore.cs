using System.Linq.Expressions;
using FastBooking.Application.Schedules;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Schedules;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FastBooking.Infrastructure.Schedules;

/// <summary>Staff schedules in PostgreSQL, through the request's <see cref="FastBookingDb"/>.</summary>
public sealed class ScheduleStore(FastBookingDb db) : IScheduleStore
{
    public async Task<bool> LockStaffAsync(BusinessId business, Guid staffId, CancellationToken ct) =>
        await db.Staff
            .FromSql($"SELECT * FROM staff WHERE id = {staffId} AND business_id = {business.Value} AND active FOR UPDATE")
            .SingleOrDefaultAsync(ct) is not null;

    public void Deactivate(Guid staffId) => db.Staff.Local.Single(s => s.Id == staffId).Active = false;

    public async Task ReplaceWeeklyRangesAsync(Guid staffId, WeeklyRangeKind kind, IReadOnlyList<DayRanges> days, CancellationToken ct)
    {
        var stored = kind == WeeklyRangeKind.WorkingHours ? WeeklyRangeRow.Working : WeeklyRangeRow.Break;
        await db.WeeklyRanges.Where(w => w.StaffId == staffId && w.Kind == stored).ExecuteDeleteAsync(ct);
        foreach (var day in days)
            foreach (var range in day.Ranges)
                db.WeeklyRanges.Add(new WeeklyRangeRow
                {
                    StaffId = staffId, Kind = stored, Weekday = (int)day.Day, StartMinute = range.StartMinute, EndMinute = range.EndMinute,
                });
    }

    public async Task PutOverrideAsync(Guid staffId, DateOverride day, CancellationToken ct)
    {
        var row = await db.DateOverrides.FirstOrDefaultAsync(o => o.StaffId == staffId && o.Date == day.Date, ct);
        if (row is null) db.DateOverrides.Add(row = new DateOverrideRow { StaffId = staffId, Date = day.Date });
        row.StartMinutes = day.Ranges.Select(r => r.StartMinute).ToArray();
        row.EndMinutes = day.Ranges.Select(r => r.EndMinute).ToArray();
    }

    public Task<bool> RemoveOverrideAsync(Guid staffId, LocalDate date, CancellationToken ct) =>
        RemoveAsync(db.DateOverrides, o => o.StaffId == staffId && o.Date == date, ct);

    public void AddTimeOff(TimeOffRecord timeOff) =>
        db.TimeOff.Add(new TimeOffRow { Id = timeOff.Id, StaffId = timeOff.StaffId, Period = timeOff.Period, Reason = timeOff.Reason });

    public Task<bool> RemoveTimeOffAsync(Guid staffId, Guid timeOffId, CancellationToken ct) =>
        RemoveAsync(db.TimeOff, t => t.Id == timeOffId && t.StaffId == staffId, ct);

    private static async Task<bool> RemoveAsync<TRow>(DbSet<TRow> rows, Expression<Func<TRow, bool>> which, CancellationToken ct) where TRow : class
    {
        var row = await rows.FirstOrDefaultAsync(which, ct);
        if (row is null) return false;
        rows.Remove(row);
        return true;
    }
}
