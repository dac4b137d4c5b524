using FastBooking.Application.Appointments;
using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;
using FastBooking.Infrastructure.Outbox;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FastBooking.Infrastructure.Appointments;

/// <summary>Appointments and their history in PostgreSQL, through the request's <see cref="FastBookingDb"/>.</summary>
public sealed class AppointmentStore(FastBookingDb db) : IAppointmentStore
{
    public async Task<bool> TryInsertAsync(AppointmentRecord a, ChangeEvent change, CancellationToken ct)
    {
        var status = StatusOf(a.Status);
        var (type, payload) = OutboxCodec.Encode(change);
        // One statement, one round trip: the row, its "booked" history and the outbox row, or nothing when taken.
        // ON CONFLICT DO NOTHING (no arbiter: allowed for exclusion constraints) answers "taken" without deadlocks.
        var inserted = await Concurrently(() => db.Database.SqlQuery<int>($"""
            WITH booked AS (
                INSERT INTO appointments (id, business_id, staff_id, service_id, status, start_at, end_at, occupied, busy, resource_unit_id, resource_range, visit_id,
                    customer_name, customer_phone, customer_email, notes, cancel_reason, version, created_at, updated_at)
                VALUES ({a.Id}, {a.Business.Value}, {a.StaffId}, {a.ServiceId}, {status}, {a.Booked.Start}, {a.Booked.End}, {a.Occupied}, {Multirange.Of(a.Busy)},
                    {a.ResourceUnitId}, {a.ResourceRange}, {a.VisitId},
                    {a.Customer.Name}, {a.Customer.Phone}, {a.Customer.Email}, {a.Notes}, {a.CancelReason}, {a.Version}, {a.CreatedAt}, {a.UpdatedAt})
                ON CONFLICT DO NOTHING RETURNING id),
            history AS (
                INSERT INTO appointment_history (appointment_id, version, event, staff_id, status, start_at, end_at, busy, resource_unit_id, resource_range, at)
                SELECT id, {a.Version}, {AppointmentLedger.Booked}, {a.StaffId}, {status}, {a.Booked.Start}, {a.Booked.End}, {Multirange.Of(a.Busy)},
                    {a.ResourceUnitId}, {a.ResourceRange}, {a.CreatedAt} FROM booked),
            outbox AS (
                INSERT INTO outbox (business_id, type, payload, created_at)
                SELECT {a.Business.Value}, {type}, CAST({payload} AS jsonb), {a.CreatedAt} FROM booked)
            SELECT 1 AS "Value" FROM booked
            """).ToListAsync(ct));
        return inserted.Count == 1;
    }

    public async Task<AppointmentRecord?> LockAsync(BusinessId business, Guid id, CancellationToken ct)
    {
        var row = await Concurrently(() => db.Appointments
            .FromSql($"SELECT * FROM appointments WHERE id = {id} AND business_id = {business.Value} FOR UPDATE")
            .SingleOrDefaultAsync(ct));
        return row is null ? null : ToRecord(row);
    }

    public void Update(AppointmentRecord a)
    {
        var row = db.Appointments.Local.Single(r => r.Id == a.Id);
        row.StaffId = a.StaffId;
        row.Status = StatusOf(a.Status);
        row.StartAt = a.Booked.Start;
        row.EndAt = a.Booked.End;
        row.Occupied = a.Occupied;
        row.Busy = a.Busy.ToArray();
        row.ResourceUnitId = a.ResourceUnitId;
        row.ResourceRange = a.ResourceRange;
        row.CancelReason = a.CancelReason;
        row.Version = a.Version;
        row.UpdatedAt = a.UpdatedAt;
    }

    public void AddHistory(AppointmentRecord a, string change, Instant at) => db.AppointmentHistory.Add(new AppointmentHistoryRow
    {
        AppointmentId = a.Id, Version = a.Version, Event = change, StaffId = a.StaffId, Status = StatusOf(a.Status),
        StartAt = a.Booked.Start, EndAt = a.Booked.End, Busy = a.Busy.ToArray(), ResourceUnitId = a.ResourceUnitId, ResourceRange = a.ResourceRange, At = at,
    });

    public async Task LockCalendarsAsync(IReadOnlyCollection<Guid> staff, IReadOnlyCollection<Guid> units, CancellationToken ct)
    {
        var staffIds = staff.Distinct().ToArray();
        var unitIds = units.Distinct().ToArray();
        // The order every booking takes them in too: its staff member's row (the staff version trigger), then its unit's.
        await Concurrently(() => db.Database.ExecuteSqlAsync($"SELECT 1 FROM staff WHERE id = ANY({staffIds}) ORDER BY id FOR UPDATE", ct));
        if (unitIds.Length > 0)
            await Concurrently(() => db.Database.ExecuteSqlAsync($"SELECT 1 FROM resource_units WHERE id = ANY({unitIds}) ORDER BY id FOR UPDATE", ct));
    }

    public async Task<IReadOnlyList<AppointmentRecord>> LockVisitAsync(BusinessId business, Guid visitId, CancellationToken ct) =>
        (await Concurrently(() => db.Appointments
            .FromSql($"SELECT * FROM appointments WHERE visit_id = {visitId} AND business_id = {business.Value} ORDER BY start_at, id FOR UPDATE")
            .ToListAsync(ct))).Select(ToRecord).ToList();

    public async Task<IReadOnlyList<AppointmentRecord>> FindVisitAsync(BusinessId business, Guid visitId, CancellationToken ct) =>
        (await db.Appointments.AsNoTracking().Where(a => a.VisitId == visitId && a.BusinessId == business.Value)
            .OrderBy(a => a.StartAt).ThenBy(a => a.Id).ToListAsync(ct)).Select(ToRecord).ToList();

    public async Task<AppointmentRecord?> FindAsync(BusinessId business, Guid id, CancellationToken ct)
    {
        var row = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.BusinessId == business.Value, ct);
        return row is null ? null : ToRecord(row);
    }

    public async Task<Page<AppointmentRecord>> ListAsync(BusinessId business, Interval starts, Guid? staffId, PageRequest page, CancellationToken ct)
    {
        var appointments = page.After is { } after
            ? db.Appointments.FromSql($"SELECT * FROM appointments WHERE (start_at, id) > ({Instant.FromUnixTimeTicks(after.Key)}, {after.Id})")
            : db.Appointments;
        var query = appointments.AsNoTracking()
            .Where(a => a.BusinessId == business.Value && a.StartAt >= starts.Start && a.StartAt < starts.End);
        if (staffId is { } staff) query = query.Where(a => a.StaffId == staff);
        var rows = await query.OrderBy(a => a.StartAt).ThenBy(a => a.Id).Take(page.Limit + 1).ToListAsync(ct);
        return Page<AppointmentRecord>.Of(rows.Select(ToRecord).ToList(), page, a => new PageCursor(a.Booked.Start.ToUnixTimeTicks(), a.Id));
    }

    private static string StatusOf(AppointmentStatus status) => status == AppointmentStatus.Confirmed ? AppointmentRow.Confirmed : AppointmentRow.Cancelled;

    private static AppointmentRecord ToRecord(AppointmentRow a) => new(
        a.Id, new BusinessId(a.BusinessId), a.StaffId, a.ServiceId,
        a.Status == AppointmentRow.Confirmed ? AppointmentStatus.Confirmed : AppointmentStatus.Cancelled,
        new Interval(a.StartAt, a.EndAt), a.Occupied, a.Busy, new Customer(a.CustomerName, a.CustomerPhone, a.CustomerEmail),
        a.Notes, a.CancelReason, a.Version, a.CreatedAt, a.UpdatedAt, a.ResourceUnitId, a.ResourceRange, a.VisitId);

    /// <summary>A statement that a concurrent change can break (deadlock, serialization failure) says so in the application's terms.</summary>
    private static async Task<T> Concurrently<T>(Func<Task<T>> statement)
    {
        try
        {
            return await statement();
        }
        catch (Exception e) when (UnitOfWork.IsConcurrentChange(e) || UnitOfWork.IsConcurrentChange(e.InnerException))
        {
            throw new ConcurrentChangeException("A concurrent change took the range.", e);
        }
    }
}
