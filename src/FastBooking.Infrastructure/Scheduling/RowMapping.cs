using FastBooking.Domain.Appointments;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Schedules;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using FastBooking.Infrastructure.Persistence.Rows;
using NodaTime;

namespace FastBooking.Infrastructure.Scheduling;

/// <summary>Rows to domain values. The database only holds values the API validated, so this does not re-validate.</summary>
public static class RowMapping
{
    public static Business ToDomain(this BusinessRow b) => new(
        new BusinessId(b.Id), b.Name, DateTimeZoneProviders.Tzdb[b.TimeZone], b.RulesOf());

    public static BookingRules RulesOf(this BusinessRow b) => new(
        b.SlotIntervalMinutes, b.LeadTimeMinutes, b.BookingWindowDays,
        b.CancellationCutoffMinutes, b.RescheduleCutoffMinutes, b.HoldTtlSeconds);

    public static void SetRules(this BusinessRow b, BookingRules r)
    {
        b.SlotIntervalMinutes = r.SlotIntervalMinutes;
        b.LeadTimeMinutes = r.LeadTimeMinutes;
        b.BookingWindowDays = r.BookingWindowDays;
        b.CancellationCutoffMinutes = r.CancellationCutoffMinutes;
        b.RescheduleCutoffMinutes = r.RescheduleCutoffMinutes;
        b.HoldTtlSeconds = r.HoldTtlSeconds;
    }

    public static Appointment ToDomain(this AppointmentRow a) => new(
        new AppointmentId(a.Id), new StaffId(a.StaffId), new Interval(a.StartAt, a.EndAt), a.Busy);

    public static IReadOnlyList<ServicePhase> PhasesOf(int[] minutes, bool[] staffBusy) =>
        minutes.Zip(staffBusy, (m, busy) => new ServicePhase(m, busy)).ToArray();

    public static StaffSchedule ScheduleOf(
        Guid staffId, IEnumerable<WeeklyRangeRow> weekly, IEnumerable<TimeOffRow> timeOff, IEnumerable<DateOverrideRow> overrides)
    {
        var ranges = weekly.ToLookup(w => w.Kind);
        return new StaffSchedule(
            new StaffId(staffId),
            WeekOf(ranges[WeeklyRangeRow.Working]),
            WeekOf(ranges[WeeklyRangeRow.Break]),
            timeOff.Select(t => new TimeOff(t.Id, t.Period, t.Reason)).ToList(),
            overrides.ToDictionary(o => o.Date, o => new DateOverride(o.Date,
                o.StartMinutes.Zip(o.EndMinutes, LocalTimeRange.FromMinutes).ToList())));
    }

    private static WeeklyHours WeekOf(IEnumerable<WeeklyRangeRow> rows) => new(rows
        .GroupBy(r => (IsoDayOfWeek)r.Weekday)
        .ToDictionary(g => g.Key,
            g => (IReadOnlyList<LocalTimeRange>)g.Select(r => LocalTimeRange.FromMinutes(r.StartMinute, r.EndMinute)).ToList()));
}
