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
/// Compares, byte for byte, every stored staff-day bitmap of a business with a fresh projection from PostgreSQL,
/// and reports each difference. A day Redis lacks is reported too (it would be projected on the next read).
/// </summary>
public sealed class ConsistencyCheck(FastBookingDb db, SchedulingStore store, DayBitmapStore days)
{
    public sealed record Difference(Guid StaffId, LocalDate Date, string Kind, int[] Minutes);

    public sealed record Report(int StaffDaysCompared, IReadOnlyList<Difference> Differences, bool RedisAnswered);

    public async Task<Report?> RunAsync(BusinessId businessId, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var business = await store.BusinessAsync(businessId, ct);
        if (business is null) return null;
        var staff = await db.Staff.AsNoTracking().Where(s => s.BusinessId == businessId.Value && s.Active)
            .OrderBy(s => s.Id).Select(s => new StaffId(s.Id)).ToListAsync(ct);
        var dates = Enumerable.Range(0, Period.Between(from, to, PeriodUnits.Days).Days + 1).Select(from.PlusDays).ToList();
        var stored = await days.FetchAsync(businessId, business.Zone, staff, dates);
        if (stored is null) return new Report(0, [], false);

        var zone = business.Zone;
        var span = new Interval(LocalDay.Of(from, zone).Start, LocalDay.Of(to, zone).End);
        var state = await store.StateAsync(business, staff, span, ct);
        var differences = new List<Difference>();
        foreach (var id in staff)
        {
            foreach (var truth in StaffDayProjection.Project(state, id, dates))
            {
                var date = truth.Day.Date;
                if (!stored.TryGetValue((id, date), out var cached))
                    differences.Add(new Difference(id.Value, date, "missing", []));
                else if (!truth.Bytes.SequenceEqual(cached.Bytes))
                    differences.Add(new Difference(id.Value, date, "different",
                        Enumerable.Range(0, truth.Minutes).Where(m => truth.IsFree(m) != cached.IsFree(m)).ToArray()));
            }
        }
        return new Report(staff.Count * dates.Count, differences, true);
    }
}
