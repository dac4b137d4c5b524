using FastBooking.Application.Common;
using FastBooking.Application.Holds;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Time;
using NodaTime;

namespace FastBooking.Application.ReadModel.Check;

public sealed record CheckReadModel(BusinessId Business, DateInterval Dates);

/// <summary>One staff-day where Redis and PostgreSQL disagree ("missing" or "different"); minutes elapsed since the local day began.</summary>
public sealed record Difference(Guid StaffId, LocalDate Date, string Kind, int[] Minutes);

/// <param name="Pending">Staff-days that differ only by bookings the projector has not applied yet, each covered
/// meanwhile by the booking's live stand-in (so no read sees it free): in step once the projector catches up.</param>
public sealed record ConsistencyReport(int StaffDaysCompared, IReadOnlyList<Difference> Differences, bool RedisAnswered, int Pending = 0)
{
    public bool Consistent => RedisAnswered && Differences.Count == 0;
}

/// <summary>
/// Compares, byte for byte, every stored staff-day (and resource-unit-day) bitmap of a business with a fresh projection from PostgreSQL, and
/// reports each difference. A day Redis lacks is reported too (it would be projected on the next read).
/// </summary>
public sealed class CheckReadModelHandler(ISchedulingReader reader, IReadModel readModel, IClock clock) : IHandler<CheckReadModel, ConsistencyReport>
{
    public async Task<Outcome<ConsistencyReport>> HandleAsync(CheckReadModel query, CancellationToken ct)
    {
        var business = await reader.BusinessAsync(query.Business, ct);
        if (business is null) return Error.NotFound($"No business {query.Business}.");
        var staff = await reader.CalendarsAsync(query.Business, ct);
        var dates = query.Dates.ToList();
        // Bitmaps and stand-ins in one atomic read, before the truth: a booking committed before it is either applied
        // in the bitmap or still covered by its stand-in (the projector stores, then releases), never neither.
        var read = await readModel.ReadAsync(query.Business, business.Zone, staff, dates, clock.GetCurrentInstant());
        if (read is null) return new ConsistencyReport(0, [], false);
        var stored = read.Bitmaps;
        var standIns = read.Holds.Where(h => h.Token.Value.StartsWith(HoldTokens.ReservationPrefix, StringComparison.Ordinal)).ToLookup(h => h.StaffId);

        var zone = business.Zone;
        var span = new Interval(LocalDay.Of(query.Dates.Start, zone).Start, LocalDay.Of(query.Dates.End, zone).End);
        var state = await reader.StateAsync(business, staff, span, ct);
        var differences = new List<Difference>();
        var pending = 0;
        foreach (var id in staff)
        {
            foreach (var truth in StaffDayProjection.Project(state, id, dates))
            {
                var date = truth.Day.Date;
                if (!stored.TryGetValue((id, date), out var cached))
                {
                    differences.Add(new Difference(id.Value, date, "missing", []));
                    continue;
                }
                if (truth.Bytes.SequenceEqual(cached.Bytes)) continue;
                var minutes = Enumerable.Range(0, truth.Minutes).Where(m => truth.IsFree(m) != cached.IsFree(m)).ToArray();
                // Busy in truth, free in Redis, and blocked by a booking's stand-in: the projector has yet to apply it.
                if (minutes.All(m => !truth.IsFree(m) && standIns[id].Any(h => h.Blocks(truth.InstantAt(m))))) pending++;
                else differences.Add(new Difference(id.Value, date, "different", minutes));
            }
        }
        return new ConsistencyReport(staff.Count * dates.Count, differences, true, pending);
    }
}
