using FastBooking.Application.Common;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Persistence.Rows;
using FastBooking.Domain.Schedules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using NodaTime;

namespace FastBooking.Infrastructure.Scheduling;

/// <summary>Reads the stored state scheduling decisions need, on the request's own connection.</summary>
public sealed class SchedulingStore(FastBookingDb db, CatalogReader catalog, ILogger<SchedulingStore> log) : ISchedulingReader
{
    public async Task<Business?> BusinessAsync(BusinessId id, CancellationToken ct) =>
        (await db.Businesses.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id.Value, ct))?.ToDomain();

    public async Task<CatalogEntry?> CatalogAsync(BusinessId business, Guid serviceId, Guid? staffId, CancellationToken ct)
    {
        // On the transaction's connection, so that one request never holds two.
        await db.Database.OpenConnectionAsync(ct);
        return await catalog.ReadAsync(business, serviceId, staffId, ct, (NpgsqlConnection)db.Database.GetDbConnection());
    }

    public async Task<IReadOnlyList<StaffId>> ActiveStaffAsync(BusinessId business, CancellationToken ct) =>
        await db.Staff.AsNoTracking().Where(s => s.BusinessId == business.Value && s.Active)
            .OrderBy(s => s.Id).Select(s => new StaffId(s.Id)).ToListAsync(ct);

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

        var schedules = ids.ToDictionary(id => new StaffId(id), id => Readable(id,
            weekly.Where(w => w.StaffId == id), timeOff.Where(t => t.StaffId == id), overrides.Where(o => o.StaffId == id)));
        return new SchedulingState(business, schedules, appointments.Select(a => a.ToDomain()).ToList(), []);
    }

    /// <summary>
    /// The schema forbids schedules the domain cannot read; should one be found anyway (data written before the
    /// constraints, or by hand), that staff member alone is reported and counts as closed — never a failure of the
    /// business's reads, or of the projector for every business.
    /// </summary>
    private StaffSchedule Readable(Guid id, IEnumerable<WeeklyRangeRow> weekly, IEnumerable<TimeOffRow> timeOff, IEnumerable<DateOverrideRow> overrides)
    {
        try
        {
            return RowMapping.ScheduleOf(id, weekly, timeOff, overrides);
        }
        catch (ArgumentException e)
        {
            log.LogError("The stored schedule of staff member {StaffId} cannot be read ({Problem}); they count as closed until it is repaired", id, e.Message);
            return StaffSchedule.Weekly(new StaffId(id), WeeklyHours.None);
        }
    }
}
