using FastBooking.Application.Common;
using FastBooking.Domain.Appointments;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Resources;
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

    public Task<IReadOnlyList<StaffId>> CalendarsAsync(BusinessId business, CancellationToken ct) => CalendarsAsync(business, activeStaffOnly: true, ct);

    /// <summary>The business's staff (only the active ones, or all) and resource units, in id order.</summary>
    public async Task<IReadOnlyList<StaffId>> CalendarsAsync(BusinessId business, bool activeStaffOnly, CancellationToken ct) =>
        (await db.Staff.AsNoTracking().Where(s => s.BusinessId == business.Value && (s.Active || !activeStaffOnly)).Select(s => s.Id)
            .Concat(db.ResourceUnits.AsNoTracking().Where(u => u.BusinessId == business.Value).Select(u => u.Id)).ToListAsync(ct))
        .Order().Select(id => new StaffId(id)).ToList();

    /// <summary>Hours, breaks, time off, overrides and confirmed appointments of the staff around a range, and of the
    /// resource units among them their outages and the ranges appointments use them for: seven queries in one round
    /// trip (the booking path reads this inside its transaction). Ranges are matched with <c>&amp;&amp;</c> and staff by a
    /// join on their ids, which the (staff, range) GiST indexes answer together (they cannot take <c>= ANY</c>), so the
    /// cost follows the window of these calendars, not the history or the other businesses.</summary>
    public async Task<SchedulingState> StateAsync(Business business, IReadOnlyCollection<StaffId> staff, Interval around, CancellationToken ct)
    {
        var ids = staff.Select(s => s.Value).ToArray();
        var fromDate = around.Start.InZone(business.Zone).Date.PlusDays(-1);
        var toDate = around.End.InZone(business.Zone).Date.PlusDays(1);
        await db.Database.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection())
        {
            BatchCommands =
            {
                Command("SELECT staff_id, kind, weekday, start_minute, end_minute FROM weekly_ranges WHERE staff_id = ANY($1)", ids),
                // Unbounded periods (never written by the API) stay out, as they always did.
                Command("SELECT t.id, t.staff_id, t.period, t.reason FROM unnest($1::uuid[]) s(id) JOIN time_off t ON t.staff_id = s.id " +
                        "WHERE t.period && tstzrange($3, $2) AND NOT lower_inf(t.period) AND NOT upper_inf(t.period)", ids, around.End, around.Start),
                Command("SELECT staff_id, date, start_minutes, end_minutes FROM date_overrides WHERE staff_id = ANY($1) AND date >= $2 AND date <= $3",
                    ids, fromDate, toDate),
                Command($"SELECT a.id, a.staff_id, a.start_at, a.end_at, a.busy FROM unnest($1::uuid[]) s(id) JOIN appointments a ON a.staff_id = s.id " +
                        $"WHERE a.status = '{AppointmentRow.Confirmed}' AND a.occupied && tstzrange($3, $2)", ids, around.End, around.Start),
                Command("SELECT id FROM resource_units WHERE id = ANY($1)", ids),
                Command("SELECT o.id, o.unit_id, o.period, o.reason FROM unnest($1::uuid[]) s(id) JOIN resource_outages o ON o.unit_id = s.id " +
                        "WHERE o.period && tstzrange($3, $2)", ids, around.End, around.Start),
                Command($"SELECT id, resource_unit_id, resource_range FROM appointments WHERE resource_unit_id = ANY($1) AND status = '{AppointmentRow.Confirmed}' " +
                        "AND resource_range && tstzrange($3, $2)", ids, around.End, around.Start),
            },
        };
        var weekly = new List<WeeklyRangeRow>();
        var timeOff = new List<TimeOffRow>();
        var overrides = new List<DateOverrideRow>();
        var appointments = new List<Appointment>();
        var units = new HashSet<Guid>();
        var outages = new List<TimeOffRow>();
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                weekly.Add(new WeeklyRangeRow { StaffId = reader.GetGuid(0), Kind = reader.GetString(1), Weekday = reader.GetInt32(2), StartMinute = reader.GetInt32(3), EndMinute = reader.GetInt32(4) });
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
                timeOff.Add(new TimeOffRow { Id = reader.GetGuid(0), StaffId = reader.GetGuid(1), Period = reader.GetFieldValue<Interval>(2), Reason = reader.IsDBNull(3) ? null : reader.GetString(3) });
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
                overrides.Add(new DateOverrideRow { StaffId = reader.GetGuid(0), Date = reader.GetFieldValue<LocalDate>(1), StartMinutes = reader.GetFieldValue<int[]>(2), EndMinutes = reader.GetFieldValue<int[]>(3) });
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
                appointments.Add(new Appointment(new AppointmentId(reader.GetGuid(0)), new StaffId(reader.GetGuid(1)),
                    new Interval(reader.GetFieldValue<Instant>(2), reader.GetFieldValue<Instant>(3)), reader.GetFieldValue<Interval[]>(4)));
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct)) units.Add(reader.GetGuid(0));
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
                outages.Add(new TimeOffRow { Id = reader.GetGuid(0), StaffId = reader.GetGuid(1), Period = reader.GetFieldValue<Interval>(2), Reason = reader.IsDBNull(3) ? null : reader.GetString(3) });
            await reader.NextResultAsync(ct);
            // What an appointment uses a unit for, on the unit's calendar.
            while (await reader.ReadAsync(ct))
            {
                var used = reader.GetFieldValue<Interval>(2);
                appointments.Add(new Appointment(new AppointmentId(reader.GetGuid(0)), new StaffId(reader.GetGuid(1)), used, [used]));
            }
        }

        var schedules = ids.ToDictionary(id => new StaffId(id), id => units.Contains(id)
            ? ResourceCalendar.Of(id, outages.Where(o => o.StaffId == id).Select(o => new TimeOff(o.Id, o.Period, o.Reason)).ToList())
            : Readable(id, weekly.Where(w => w.StaffId == id), timeOff.Where(t => t.StaffId == id), overrides.Where(o => o.StaffId == id)));
        return new SchedulingState(business, schedules, appointments, []);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
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
