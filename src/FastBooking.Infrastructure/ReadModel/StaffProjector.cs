using System.Data;
using FastBooking.Application.ReadModel;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using FastBooking.Infrastructure.Holds;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FastBooking.Infrastructure.ReadModel;

/// <summary>
/// Projects staff-days from PostgreSQL into Redis. The state and the staff versions are read in one snapshot,
/// so every stored bitmap is exactly the projection of the version stored with it; replays are harmless.
/// </summary>
public sealed class StaffProjector(FastBookingDb db, SchedulingStore store, DayBitmapStore days, HoldRestorer holds, IClock clock) : IStaffProjector
{
    /// <summary>
    /// Projects the given staff-days and stores those inside the horizon (a day further out is computed, not kept:
    /// nothing would refresh it when the schedule changes).
    /// </summary>
    public Task<Projection> ProjectAsync(
        Business business, IReadOnlyCollection<StaffId> staff, IReadOnlyCollection<LocalDate> dates, CancellationToken ct) =>
        ProjectAsync(business, staff.Distinct().ToDictionary(s => s, _ => dates), ct);

    /// <summary>Projects each staff member's own dates, all from one snapshot.</summary>
    public async Task<Projection> ProjectAsync(
        Business business, IReadOnlyDictionary<StaffId, IReadOnlyCollection<LocalDate>> wanted, CancellationToken ct)
    {
        var result = new Dictionary<(StaffId, LocalDate), StaffDayBitmap>();
        var staff = wanted.Where(w => w.Value.Count > 0).Select(w => w.Key).ToList();
        if (staff.Count == 0) return new Projection(result, true);
        var zone = business.Zone;
        var span = new Interval(LocalDay.Of(staff.Min(s => wanted[s].Min()), zone).Start, LocalDay.Of(staff.Max(s => wanted[s].Max()), zone).End);

        Dictionary<Guid, long> versions;
        SchedulingState state;
        await using (var tx = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct))
        {
            var ids = staff.Select(s => s.Value).ToArray();
            versions = await db.Database
                .SqlQuery<StaffVersion>($"SELECT id AS \"Id\", version AS \"Version\" FROM staff WHERE id = ANY({ids}) UNION ALL SELECT id, version FROM resource_units WHERE id = ANY({ids})")
                .ToDictionaryAsync(v => v.Id, v => v.Version, ct);
            state = await store.StateAsync(business, staff, span, ct);
            await tx.CommitAsync(ct);
        }

        var horizon = Horizon(business);
        // One write per staff member, all in flight at once: the multiplexer pipelines them into few round trips.
        var writes = new List<Task<bool>>(staff.Count);
        foreach (var id in staff)
        {
            if (!versions.TryGetValue(id.Value, out var version)) continue;
            var projected = StaffDayProjection.Project(state, id, wanted[id]);
            writes.Add(days.StoreAsync(business.Id, id, version,
                projected.Where(p => p.Day.Date >= horizon[0] && p.Day.Date <= horizon[^1]).ToList()));
            foreach (var p in projected) result[(id, p.Day.Date)] = p;
        }
        return new Projection(result, (await Task.WhenAll(writes)).All(stored => stored));
    }

    /// <summary>The dates the read model keeps for a business: yesterday to the end of the booking window, plus a day.</summary>
    public IReadOnlyList<LocalDate> Horizon(Business business)
    {
        var today = clock.GetCurrentInstant().InZone(business.Zone).Date;
        return Enumerable.Range(-1, business.Rules.BookingWindowDays + 3).Select(today.PlusDays).ToList();
    }

    /// <summary>Restores a business's live holds and re-projects every staff member and resource unit over its horizon;
    /// false when Redis did not take it.</summary>
    public async Task<bool> RebuildAsync(BusinessId businessId, CancellationToken ct)
    {
        var business = await store.BusinessAsync(businessId, ct);
        if (business is null) return true;
        if (!await holds.RestoreAsync(businessId, ct)) return false;
        var horizon = Horizon(business);
        foreach (var chunk in (await store.CalendarsAsync(businessId, activeStaffOnly: false, ct)).Chunk(10))
            if (!(await ProjectAsync(business, chunk, horizon, ct)).Stored)
                return false;
        return true;
    }

    private sealed record StaffVersion(Guid Id, long Version);
}
