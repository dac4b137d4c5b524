using FastBooking.Domain.Appointments;
using FastBooking.Domain.Holds;
using FastBooking.Domain.Resources;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using NodaTime;
using NodaTime.Text;

namespace FastBooking.Domain.Availability;

/// <summary>
/// Whether one staff member can take one service at one start, and every reason why not — by interval arithmetic on
/// the stored state, independent of the bitmaps. Bookings are checked with this; the explain endpoint shows it.
/// </summary>
public static class Bookability
{
    private static readonly InstantPattern Pattern = InstantPattern.ExtendedIso;

    /// <param name="rescheduling">The appointment being moved: its own current range does not block it.</param>
    /// <param name="ownHold">The caller's hold: it does not block the caller.</param>
    public static IReadOnlyList<Reason> Explain(
        SchedulingState state, Service service, StaffId staff, Instant start, Instant now,
        AppointmentId? rescheduling = null, HoldToken? ownHold = null)
    {
        var business = state.Business;
        if (!state.Schedules.TryGetValue(staff, out var schedule))
            return [new Reason(Reason.ServiceNotOffered, $"Staff {staff} does not perform {service.Name}.")];
        var reasons = RuleReasons(business, service, staff, start, now).ToList();
        if (reasons.Any(r => r.Code == Reason.ServiceNotOffered)) return reasons;

        // Only the busy time needs the staff member: a processing phase may overlap a break or another client.
        var busy = service.BusyAt(start, staff);
        var days = DaysTouching(service.OccupiedAt(start, staff), business.Zone).Select(d => OpenTime.Of(schedule, d)).ToList();
        var working = IntervalSet.Normalize(days.SelectMany(d => d.Working));
        if (!busy.All(b => IntervalSet.Covers(working, b)))
            reasons.Add(new Reason(Reason.OutsideWorkingHours, "The appointment with its buffers is not inside working hours."));
        foreach (var pause in IntervalSet.Normalize(days.SelectMany(d => d.Breaks)).Where(b => IntervalSet.Overlaps(b, busy)))
            reasons.Add(new Reason(Reason.Break, $"Overlaps a break {Describe(pause)}."));
        foreach (var off in IntervalSet.Normalize(days.SelectMany(d => d.TimeOff)).Where(t => IntervalSet.Overlaps(t, busy)))
            reasons.Add(new Reason(Reason.TimeOff, $"Overlaps time off {Describe(off)}."));
        foreach (var a in state.AppointmentsOf(staff).Where(a => a.Id != rescheduling && IntervalSet.Overlaps(a.Busy, busy)).OrderBy(a => a.Busy[0].Start))
            reasons.Add(new Reason(Reason.OverlapsAppointment, $"Overlaps appointment {a.Id}."));
        foreach (var h in state.HoldsOf(staff).Where(h => h.IsLiveAt(now) && h.Token != ownHold && IntervalSet.Overlaps(h.Busy, busy)).OrderBy(h => h.Busy[0].Start))
            reasons.Add(new Reason(Reason.Held, $"Held by someone else until {Pattern.Format(h.ExpiresAt)}."));
        if (service.Resource is { } need && FreeUnits(state, service, staff, start, now, rescheduling, ownHold).Count == 0)
            reasons.Add(NoFreeUnit(need));
        return reasons;
    }

    public static Reason NoFreeUnit(ResourceNeed need) => new(Reason.ResourceUnavailable, $"No {need.KindName} is free for it.");

    /// <summary>
    /// The units of the service's resource that are free for a start, in number order (a booking takes the first):
    /// open (no outage), and neither booked nor held by anyone else for the range the service uses them.
    /// </summary>
    public static IReadOnlyList<StaffId> FreeUnits(
        SchedulingState state, Service service, StaffId staff, Instant start, Instant now,
        AppointmentId? rescheduling = null, HoldToken? ownHold = null)
    {
        if (service.ResourceAt(start, staff) is not { } range) return [];
        IReadOnlyList<Interval> used = [range];
        return service.Resource!.Units.Where(unit =>
            state.Schedules.TryGetValue(unit, out var calendar)
            && IntervalSet.Covers(IntervalSet.Normalize(DaysTouching(range, state.Business.Zone).SelectMany(d => OpenTime.Of(calendar, d).Open)), range)
            && !state.AppointmentsOf(unit).Any(a => a.Id != rescheduling && IntervalSet.Overlaps(a.Busy, used))
            && !state.HoldsOf(unit).Any(h => h.IsLiveAt(now) && h.Token != ownHold && IntervalSet.Overlaps(h.Busy, used))).ToList();
    }

    /// <summary>The reasons that need no schedule: who performs the service, the grid, lead time and booking window.</summary>
    public static IEnumerable<Reason> RuleReasons(Businesses.Business business, Service service, StaffId staff, Instant start, Instant now)
    {
        if (!service.IsPerformedBy(staff))
            return [new Reason(Reason.ServiceNotOffered, $"Staff {staff} does not perform {service.Name}.")];
        return StartReasons(business, start, now);
    }

    /// <summary>The reasons that depend on the start alone: the grid, lead time and booking window.</summary>
    public static IEnumerable<Reason> StartReasons(Businesses.Business business, Instant start, Instant now)
    {
        var rules = business.Rules;
        if (!SlotGrid.IsOnGrid(start, business.Zone, rules.SlotIntervalMinutes))
            yield return new Reason(Reason.OffGrid, $"Starts are every {rules.SlotIntervalMinutes} minutes from local midnight.");
        if (start < now + rules.LeadTime)
            yield return new Reason(Reason.LeadTime, $"The earliest bookable start is {Pattern.Format(now + rules.LeadTime)}.");
        if (start > now + rules.BookingWindow)
            yield return new Reason(Reason.BookingWindow, $"The latest bookable start is {Pattern.Format(now + rules.BookingWindow)}.");
    }

    /// <summary>The local days an instant range touches, in order.</summary>
    public static IEnumerable<LocalDay> DaysTouching(Interval range, DateTimeZone zone)
    {
        var day = LocalDay.Of(range.Start.InZone(zone).Date, zone);
        yield return day;
        while (day.End < range.End)
        {
            day = LocalDay.Of(day.Date.PlusDays(1), zone);
            yield return day;
        }
    }

    private static string Describe(Interval i) => $"{Pattern.Format(i.Start)}–{Pattern.Format(i.End)}";
}
