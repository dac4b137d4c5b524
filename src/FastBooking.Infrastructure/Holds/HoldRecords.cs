using FastBooking.Application.Holds;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Holds;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FastBooking.Infrastructure.Holds;

/// <summary>Holds in PostgreSQL's <c>holds</c> table, through the request's <see cref="FastBookingDb"/>.</summary>
public sealed class HoldRecords(FastBookingDb db) : IHoldRecords
{
    public async Task<bool> TryAddAsync(BusinessId business, Hold h, Instant now, CancellationToken ct)
    {
        // One statement: the bitmap the script checked may be stale, so a confirmed appointment (or a hold Redis lost)
        // over its busy ranges refuses the insert. Expired holds are ignored here and deleted by ExpiredHoldPruner.
        var busy = Multirange.Of(h.Busy);
        var inserted = await db.Database.SqlQuery<int>($"""
            INSERT INTO holds (token, business_id, staff_id, service_id, booked, occupied, busy, expires_at)
            SELECT {h.Token.Value}, {business.Value}, {h.StaffId.Value}, {h.ServiceId.Value}, {h.Booked}, {h.Occupied}, {busy}, {h.ExpiresAt}
            WHERE NOT EXISTS (SELECT 1 FROM appointments
                              WHERE staff_id = {h.StaffId.Value} AND status = 'confirmed' AND busy && {busy})
              AND NOT EXISTS (SELECT 1 FROM holds
                              WHERE staff_id = {h.StaffId.Value} AND busy && {busy} AND expires_at > {now})
            RETURNING 1 AS "Value"
            """).ToListAsync(ct);
        return inserted.Count == 1;
    }

    public async Task<Hold?> RemoveAsync(BusinessId business, HoldToken token, CancellationToken ct)
    {
        var removed = await db.Holds.FromSql($"DELETE FROM holds WHERE token = {token.Value} AND business_id = {business.Value} RETURNING *")
            .AsNoTracking().ToListAsync(ct);
        return removed.Select(ToHold).FirstOrDefault();
    }

    public Task<bool> IsHeldAsync(StaffId staff, IReadOnlyList<Interval> busy, Instant now, CancellationToken ct) =>
        db.Database.SqlQuery<bool>($"""
            SELECT EXISTS (SELECT 1 FROM holds WHERE staff_id = {staff.Value} AND busy && {Multirange.Of(busy)} AND expires_at > {now}) AS "Value"
            """).SingleAsync(ct);

    public async Task<List<LiveHold>> LiveAsync(IReadOnlyList<StaffId> staff, Instant now, CancellationToken ct)
    {
        var ids = staff.Select(s => s.Value).ToArray();
        var rows = await db.Holds.AsNoTracking().Where(h => ids.Contains(h.StaffId) && h.ExpiresAt > now).ToListAsync(ct);
        return rows.Select(r => ToHold(r).Blocking).ToList();
    }

    /// <summary>A business's live holds, in full (to put them back into Redis).</summary>
    internal async Task<List<Hold>> LiveOfAsync(BusinessId business, Instant now, CancellationToken ct)
    {
        var rows = await db.Holds.AsNoTracking().Where(h => h.BusinessId == business.Value && h.ExpiresAt > now).ToListAsync(ct);
        return rows.Select(ToHold).ToList();
    }

    private static Hold ToHold(HoldRow r) =>
        new(new HoldToken(r.Token), new StaffId(r.StaffId), new ServiceId(r.ServiceId), r.Booked, r.Busy, r.ExpiresAt);
}
