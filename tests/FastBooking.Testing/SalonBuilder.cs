using FastBooking.Domain.Appointments;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Holds;
using FastBooking.Domain.Resources;
using FastBooking.Domain.Schedules;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using NodaTime;

namespace FastBooking.Testing;

/// <summary>
/// A salon under test, built step by step: a business in a zone, staff with schedules, resources with units, services,
/// appointments, holds.
/// Ids are deterministic (a counter), so the same steps build the same salon.
/// </summary>
public sealed class SalonBuilder
{
    private int _nextId;
    private readonly Dictionary<StaffId, StaffSchedule> _schedules = new();
    private readonly Dictionary<StaffId, StaffSchedule> _units = new();
    private readonly List<Appointment> _appointments = [];
    private readonly List<Hold> _holds = [];

    public Business Business { get; private set; }
    public DateTimeZone Zone => Business.Zone;

    public SalonBuilder(string zoneId = "Europe/London", BookingRules? rules = null)
    {
        Business = new Business(new BusinessId(NextGuid()), "Test salon", DateTimeZoneProviders.Tzdb[zoneId], rules ?? BookingRules.Default);
    }

    public static IsoDayOfWeek[] Weekdays { get; } =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    public static IsoDayOfWeek[] EveryDay { get; } = Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).ToArray();

    public static LocalTimeRange Hours(string from, string to) => new(ParseTime(from), to == "24:00" ? LocalTime.Midnight : ParseTime(to));

    public SalonBuilder WithRules(Func<BookingRules, BookingRules> change)
    {
        Business = Business with { Rules = change(Business.Rules) };
        return this;
    }

    /// <summary>Adds a staff member working <paramref name="hours"/> on <paramref name="days"/> (every day by default).</summary>
    public StaffId AddStaff(IEnumerable<LocalTimeRange> hours, IEnumerable<IsoDayOfWeek>? days = null)
    {
        var id = new StaffId(NextGuid());
        _schedules[id] = StaffSchedule.Weekly(id, WeeklyHours.Every(days ?? EveryDay, hours.ToArray()));
        return id;
    }

    public StaffId AddStaff(string from = "09:00", string to = "17:00") => AddStaff([Hours(from, to)]);

    public SalonBuilder Change(StaffId id, Func<StaffSchedule, StaffSchedule> change)
    {
        _schedules[id] = change(_schedules[id]);
        return this;
    }

    public SalonBuilder AddBreak(StaffId id, string from, string to, IEnumerable<IsoDayOfWeek>? days = null) =>
        Change(id, s => s with { Breaks = WeeklyHours.Every(days ?? EveryDay, Hours(from, to)) });

    public SalonBuilder AddTimeOff(StaffId id, Instant from, Instant to) =>
        Change(id, s => s with { TimeOff = [.. s.TimeOff, new TimeOff(NextGuid(), new Interval(from, to), null)] });

    public SalonBuilder AddOverride(StaffId id, LocalDate date, params LocalTimeRange[] ranges) =>
        Change(id, s => s with
        {
            Overrides = new Dictionary<LocalDate, DateOverride>(s.Overrides) { [date] = new DateOverride(date, ranges) },
        });

    public Service AddService(int minutes, int bufferBefore = 0, int bufferAfter = 0, IEnumerable<StaffId>? staff = null,
        IReadOnlyDictionary<StaffId, int>? ownDurations = null, IReadOnlyList<ServicePhase>? phases = null)
    {
        var performers = (staff ?? _schedules.Keys).ToDictionary(id => id, id => ownDurations?.TryGetValue(id, out var d) == true ? (int?)d : null);
        return new Service(new ServiceId(NextGuid()), $"Service {minutes}m", minutes, bufferBefore, bufferAfter, performers, phases ?? []);
    }

    /// <summary>A resource kind with <paramref name="units"/> units, each a calendar of its own (always open).</summary>
    public ResourceNeed AddResource(string name, int units, int? phase = null) =>
        new(NextGuid(), name, phase, Enumerable.Range(0, units).Select(_ =>
        {
            var unit = new StaffId(NextGuid());
            _units[unit] = ResourceCalendar.Of(unit.Value, []);
            return unit;
        }).ToList());

    /// <summary>Takes a unit out of service for a period.</summary>
    public SalonBuilder AddOutage(StaffId unit, Instant from, Instant to)
    {
        _units[unit] = _units[unit] with { TimeOff = [.. _units[unit].TimeOff, new TimeOff(NextGuid(), new Interval(from, to), null)] };
        return this;
    }

    /// <summary>An appointment's use of a unit, as the unit's calendar holds it.</summary>
    public void Use(StaffId unit, Interval used) => _appointments.Add(new Appointment(new AppointmentId(NextGuid()), unit, used, [used]));

    /// <summary>A reservation of a unit (a booking's stand-in) until <paramref name="expiresAt"/>.</summary>
    public void Reserve(StaffId unit, Interval used, Instant expiresAt) =>
        _holds.Add(new Hold(new HoldToken($"bkg_{++_nextId}"), unit, new ServiceId(NextGuid()), used, [used], expiresAt));

    public Appointment Book(Service service, StaffId staff, Instant start)
    {
        var appointment = new Appointment(new AppointmentId(NextGuid()), staff, service.AppointmentAt(start, staff), service.BusyAt(start, staff));
        _appointments.Add(appointment);
        return appointment;
    }

    public Hold Hold(Service service, StaffId staff, Instant start, Instant expiresAt)
    {
        var hold = new Hold(new HoldToken($"hold-{++_nextId}"), staff, service.Id, service.AppointmentAt(start, staff), service.BusyAt(start, staff), expiresAt);
        _holds.Add(hold);
        return hold;
    }

    public IReadOnlyList<StaffId> Staff => _schedules.Keys.Order().ToList();

    public SchedulingState State => new(Business, _schedules.Concat(_units).ToDictionary(), _appointments.ToList(), _holds.Select(h => h.Blocking).ToList());

    public SlotSearch Search(Service service, LocalDate from, LocalDate? to = null, StaffId? staff = null) =>
        new(Business, service, staff is { } one ? [one] : Staff, from, to ?? from);

    /// <summary>The instant of a wall-clock time in the salon's zone (earlier occurrence when ambiguous).</summary>
    public Instant At(int year, int month, int day, int hour, int minute = 0) =>
        Zone.AtLeniently(new LocalDateTime(year, month, day, hour, minute)).ToInstant();

    private Guid NextGuid() => new($"00000000-0000-0000-0000-{++_nextId:D12}");

    private static LocalTime ParseTime(string hhmm) => NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(hhmm).Value;
}
