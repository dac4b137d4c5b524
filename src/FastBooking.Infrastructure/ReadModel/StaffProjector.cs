using System.Data;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FastBooking.Infrastructure.ReadModel;

/// <summary>
/// Projects staff-days from PostgreSQL into Redis. The state and the staff versions are read in one snapshot,
/// so every stored bitmap is exactly the projection of the version stored with it; replays are harmless.
/// </summary>
public sealed class StaffProjector(FastBookingDb db, SchedulingStore store, DayBitmapStore days, IClock clock)
{
    /// <summary>Projects the given staff-days, stores them, and returns them (also when Redis did not take them).</summary>
    public async Task<IReadOnlyDictionary<(StaffId, LocalDate), StaffDayBitmap>> ProjectAsync(
        Business business, IReadOnlyCollection<StaffId> staff, IReadOnlyCollection<LocalDate> dates, CancellationToken ct)
    {
        var result = new Dictionary<(StaffId, LocalDate), StaffDayBitmap>();
        if (staff.Count == 0 || dates.Count == 0) return result;
        var zone = business.Zone;
        var span = new Interval(LocalDay.Of(dates.Min(), zone).Start, LocalDay.Of(dates.Max(), zone).End);

        Dictionary<Guid, long> versions;
        SchedulingState state;
        await using (var tx = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct))
        {
            var ids = staff.Select(s => s.Value).ToArray();
            versions = await db.Database
                .SqlQuery<StaffVersion>($"SELECT id AS \"Id\", version AS \"Version\", active AS \"Active\" FROM staff WHERE id = ANY({ids})")
                .ToDictionaryAsync(v => v.Id, v => v.Active ? v.Version : -1, ct);
            state = await store.StateAsync(business, staff, span, ct);
            await tx.CommitAsync(ct);
        }

        foreach (var id in staff)
        {
            if (!versions.TryGetValue(id.Value, out var version)) continue;
            var appointments = state.AppointmentsOf(id).ToList();
            var projected = dates.Order().Select(d => version < 0
                    ? StaffDayBitmap.AllBusy(LocalDay.Of(d, zone)) // an inactive staff member is never free
                    : StaffDayProjection.Project(state.Schedules[id], LocalDay.Of(d, zone), appointments))
                .ToList();
            await days.StoreAsync(business.Id, id, Math.Abs(version), projected);
            foreach (var p in projected) result[(id, p.Day.Date)] = p;
        }
        return result;
    }

    /// <summary>The dates the read model keeps for a business: yesterday to the end of the booking window, plus a day.</summary>
    public IReadOnlyList<LocalDate> Horizon(Business business)
    {
        var today = clock.GetCurrentInstant().InZone(business.Zone).Date;
        return Enumerable.Range(-1, business.Rules.BookingWindowDays + 3).Select(today.PlusDays).ToList();
    }

    /// <summary>Re-projects every active staff member of a business over its horizon.</summary>
    public async Task RebuildAsync(BusinessId businessId, CancellationToken ct)
    {
        var business = await store.BusinessAsync(businessId, ct);
        if (business is null) return;
        var staff = await db.Staff.AsNoTracking().Where(s => s.BusinessId == businessId.Value)
            .Select(s => s.Id).ToListAsync(ct);
        var horizon = Horizon(business);
        foreach (var chunk in staff.Chunk(10))
            await ProjectAsync(business, chunk.Select(id => new StaffId(id)).ToList(), horizon, ct);
    }

    private sealed record StaffVersion(Guid Id, long Version, bool Active);
}
