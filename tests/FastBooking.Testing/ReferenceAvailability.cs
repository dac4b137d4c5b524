using FastBooking.Domain.Availability;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using NodaTime;

namespace FastBooking.Testing;

/// <summary>
/// The scheduling contract read as literally as possible, for tests only: no bitmaps, no zone-interval arithmetic.
/// A start is bookable when every minute the staff member would be busy with (the buffers and the busy phases) is, on
/// its own, open (its wall-clock time is in that local date's working hours and not in a break, it is in no time off)
/// and free (in no appointment's or live hold's busy time); and, for a service that needs a resource, when one of its
/// units is open and free the same way for every minute the service uses it.
/// Exact for minute-aligned inputs; slow on purpose.
/// </summary>
public static class ReferenceAvailability
{
    public static IReadOnlyList<Slot> Find(SlotSearch search, SchedulingState state, Instant now)
    {
        var zone = search.Business.Zone;
        var rules = search.Business.Rules;
        var found = new SortedDictionary<(Instant Start, Instant End), SortedSet<StaffId>>();
        for (var date = search.From; date <= search.To; date = date.PlusDays(1))
            foreach (var start in StartsOn(date, zone, rules.SlotIntervalMinutes))
            {
                if (start - now < rules.LeadTime || start - now > rules.BookingWindow) continue;
                foreach (var staff in search.Staff.Distinct())
                {
                    if (!search.Service.IsPerformedBy(staff) || !IsOpenAndFree(state, staff, search.Service.BusyAt(start, staff), now)
                        || !HasFreeUnit(state, search.Service, staff, start, now)) continue;
                    var key = (start, start + search.Service.DurationFor(staff));
                    if (!found.TryGetValue(key, out var ids)) found[key] = ids = [];
                    ids.Add(staff);
                }
            }
        return found.Select(f => new Slot(f.Key.Start, f.Key.End, f.Value.ToList())).ToList();
    }

    /// <summary>Every instant whose wall-clock time on the date is a multiple of the interval from midnight (both of an ambiguous one).</summary>
    public static IEnumerable<Instant> StartsOn(LocalDate date, DateTimeZone zone, int intervalMinutes)
    {
        for (var minute = 0; minute < 1440; minute += intervalMinutes)
        {
            var mapping = zone.MapLocal(date.AtMidnight().PlusMinutes(minute));
            if (mapping.Count == 0) continue;
            yield return mapping.First().ToInstant();
            if (mapping.Count == 2) yield return mapping.Last().ToInstant();
        }
    }

    /// <summary>Whether every minute of the ranges is, on its own, open and free for the staff member.</summary>
    public static bool IsOpenAndFree(SchedulingState state, StaffId staff, IEnumerable<Interval> busy, Instant now) =>
        state.Schedules.TryGetValue(staff, out var schedule)
        && busy.SelectMany(EveryMinute).All(t => IsOpen(schedule, state.Business.Zone, t) && IsFree(state, staff, t, now));

    /// <summary>Whether the service needs no resource, or one of its units is open and free for what the service uses it for.</summary>
    public static bool HasFreeUnit(SchedulingState state, Service service, StaffId staff, Instant start, Instant now) =>
        service.ResourceAt(start, staff) is not { } used || service.Resource!.Units.Any(unit => IsOpenAndFree(state, unit, [used], now));

    public static bool IsOpen(StaffSchedule schedule, DateTimeZone zone, Instant t)
    {
        var local = t.InZone(zone).LocalDateTime;
        var working = schedule.WorkingRangesOn(local.Date).Any(r => r.Contains(local.TimeOfDay));
        var onBreak = schedule.Breaks.On(local.Date.DayOfWeek).Any(r => r.Contains(local.TimeOfDay));
        var off = schedule.TimeOff.Any(o => o.Period.Contains(t));
        return working && !onBreak && !off;
    }

    private static bool IsFree(SchedulingState state, StaffId staff, Instant t, Instant now) =>
        !state.Appointments.Any(a => a.StaffId == staff && a.Busy.Any(b => b.Contains(t)))
        && !state.Holds.Any(h => h.StaffId == staff && h.IsLiveAt(now) && h.Blocks(t));

    private static IEnumerable<Instant> EveryMinute(Interval range)
    {
        for (var t = range.Start; t < range.End; t += Duration.FromMinutes(1))
            yield return t;
    }
}
