using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FastBooking.Infrastructure.Scheduling;

/// <summary>Reads the stored state scheduling decisions need, scoped to one business.</summary>
public sealed class SchedulingStore(FastBookingDb db)
{
    public async Task<Business?> BusinessAsync(BusinessId id, CancellationToken ct) =>
        (await db.Businesses.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id.Value, ct))?.ToDomain();

    /// <summary>
    /// Schedules of the given staff and their confirmed appointments overlapping <paramref name="around"/>.
    /// Holds live in the read model, not here.
    /// </summary>
    public async Task<SchedulingState> StateAsync(Business business, IReadOnlyCollection<StaffId> staff, Interval around, CancellationToken ct)
    {
        var ids = staff.Select(s => s.Value).ToArray();
        var weekly = await db.WeeklyRanges.AsNoTracking().Where(w => ids.Contains(w.StaffId)).ToListAsync(ct);
        var timeOff = await db.TimeOff.AsNoTracking()
            .Where(t => ids.Contains(t.StaffId) && t.Period.Start < around.End && t.Period.End > around.Start).ToListAsync(ct);
        var fromDate = around.Start.InZone(business.Zone).Date.PlusDays(-1);
        var toDate = around.End.InZone(business.Zone).Date.PlusDays(1);
        var overrides = await db.DateOverrides.AsNoTracking()
            .Where(o => ids.Contains(o.StaffId) && o.Date >= fromDate && o.Date <= toDate).ToListAsync(ct);
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => ids.Contains(a.StaffId) && a.Status == AppointmentRow.Confirmed
                        && a.Occupied.Start < around.End && a.Occupied.End > around.Start)
            .ToListAsync(ct);

        var schedules = ids.ToDictionary(id => new StaffId(id), id => RowMapping.ScheduleOf(id,
            weekly.Where(w => w.StaffId == id), timeOff.Where(t => t.StaffId == id), overrides.Where(o => o.StaffId == id)));
        return new SchedulingState(business, schedules, appointments.Select(a => a.ToDomain()).ToList(), []);
    }

    /// <summary>The stored state one start needs: enough around it for every local day an occupied range
    /// (at most 1440 + 2 × 720 minutes) can touch.</summary>
    public Task<SchedulingState> StateAroundAsync(Business business, IReadOnlyCollection<StaffId> staff, Instant start, CancellationToken ct) =>
        StateAsync(business, staff, new Interval(start - AroundStart, start + AroundStart), ct);

    private static readonly Duration AroundStart = Duration.FromDays(3);
}
