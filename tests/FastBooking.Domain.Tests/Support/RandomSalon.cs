using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Resources;
using FastBooking.Domain.Schedules;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;

namespace FastBooking.Domain.Tests.Support;

/// <summary>One random availability question, fully determined by its seed (print the seed to replay a failure).</summary>
/// <param name="Other">A second service, performed by every staff member.</param>
public sealed record RandomCase(int Seed, SalonBuilder Salon, Service Service, SlotSearch Search, Instant Now, Service Other)
{
    private FastBooking.Domain.Businesses.BookingRules Rules => Salon.Business.Rules;

    public override string ToString() =>
        $"seed {Seed}: {Salon.Zone.Id}, {Search.From:uuuu-MM-dd}..{Search.To:uuuu-MM-dd}, every {Rules.SlotIntervalMinutes}m, " +
        $"lead {Rules.LeadTimeMinutes}m, window {Rules.BookingWindowDays}d, service {Service.DurationMinutes}m " +
        $"+{Service.BufferBeforeMinutes}/{Service.BufferAfterMinutes}, staff {Search.Staff.Count}, now {Now}";
}

/// <summary>
/// Random salons for property tests: zones with and without DST (and a 30-minute DST), dates on and around clock changes,
/// split shifts, breaks, minute-aligned time off, overrides, buffers, staff-specific durations, appointments and holds,
/// and shared resources with outages.
/// </summary>
public static class RandomSalon
{
    public static readonly string[] Zones = ["Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"];

    /// <summary>Clock-change dates of 2026 per zone; zones without DST have none.</summary>
    private static readonly Dictionary<string, LocalDate[]> ChangeDates = new()
    {
        ["Europe/London"] = [new(2026, 3, 29), new(2026, 10, 25)],
        ["America/New_York"] = [new(2026, 3, 8), new(2026, 11, 1)],
        ["Australia/Lord_Howe"] = [new(2026, 4, 5), new(2026, 10, 4)],
        ["Asia/Kolkata"] = [],
        ["UTC"] = [],
    };

    private static readonly int[] Intervals = [5, 10, 15, 30, 60];

    public static RandomCase Generate(int seed)
    {
        var random = new Random(seed);
        var zoneId = Pick(random, Zones);
        var rules = new BookingRules(BookingRules.Default.Settings with
        {
            SlotIntervalMinutes = Pick(random, Intervals),
            LeadTimeMinutes = Pick(random, [0, 0, 30, 60, 90, 240]),
            BookingWindowDays = Pick(random, [1, 2, 3, 60, 60, 60]),
        });
        var salon = new SalonBuilder(zoneId, rules);
        var zone = salon.Zone;

        var changes = ChangeDates[zoneId];
        var anchor = changes.Length > 0 && random.Next(3) > 0
            ? Pick(random, changes).PlusDays(random.Next(-1, 2))
            : new LocalDate(2026, 1, 1).PlusDays(random.Next(365));
        var from = anchor.PlusDays(-random.Next(2));
        var to = from.PlusDays(random.Next(3));

        var staffCount = random.Next(1, 5);
        var staff = new List<StaffId>();
        for (var i = 0; i < staffCount; i++)
        {
            var id = salon.AddStaff([]);
            staff.Add(id);
            salon.Change(id, s => s with
            {
                WorkingHours = RandomWeek(random, chanceOfDay: 0.85, _ => RandomRanges(random, random.Next(1, 3))),
                Breaks = RandomWeek(random, chanceOfDay: 0.5, _ => [RandomBreak(random)]),
            });
            for (var k = random.Next(3); k > 0; k--)
            {
                var date = from.PlusDays(random.Next(-1, 4));
                salon.AddOverride(id, date, random.Next(3) == 0 ? [] : RandomRanges(random, random.Next(1, 3)));
            }
            for (var k = random.Next(3); k > 0; k--)
            {
                var start = RandomInstant(random, zone, from.PlusDays(-1), to.PlusDays(1));
                var length = random.Next(4) > 0 ? random.Next(1, 240) : random.Next(240, 3 * 1440);
                salon.AddTimeOff(id, start, start + Duration.FromMinutes(length));
            }
        }

        var performers = staff.Where(_ => random.Next(8) > 0).ToList();
        if (performers.Count == 0 && random.Next(10) > 0) performers.Add(Pick(random, staff));
        // A third of the services have phases (processing time), and then one duration for everyone.
        var minutes = random.Next(5, 91);
        var phases = random.Next(3) == 0 ? RandomPhases(random, minutes) : null;
        var own = phases is null ? performers.Where(_ => random.Next(3) == 0).ToDictionary(id => id, _ => random.Next(5, 120)) : null;
        var service = salon.AddService(minutes, BufferMinutes(random), BufferMinutes(random), performers, own, phases);
        var otherMinutes = random.Next(5, 121);
        var other = salon.AddService(otherMinutes, BufferMinutes(random), BufferMinutes(random), staff,
            phases: random.Next(3) == 0 ? RandomPhases(random, otherMinutes) : null);

        var now = zone.AtStartOfDay(from).ToInstant()
            + Duration.FromMinutes(random.Next(-36 * 60, 720))
            + Duration.FromSeconds(random.Next(4) == 0 ? random.Next(60) : 0);

        foreach (var id in staff)
        {
            for (var k = random.Next(6); k > 0; k--)
                salon.Book(random.Next(2) == 0 ? service : other, id, RandomInstant(random, zone, from.PlusDays(-1), to.PlusDays(1)));
            for (var k = random.Next(3); k > 0; k--)
                salon.Hold(random.Next(2) == 0 ? service : other, id, RandomInstant(random, zone, from, to),
                    now + Duration.FromSeconds(random.Next(-600, 600)));
        }

        var asked = random.Next(4) == 0 ? [Pick(random, staff)] : staff;
        (service, other) = WithResources(random, salon, service, other, from, to, now);
        var search = new SlotSearch(salon.Business, service, asked, from, to);
        return new RandomCase(seed, salon, service, search, now, other);
    }

    /// <summary>
    /// Half the salons have a resource kind of one to three units, which the service (for its whole length or one
    /// phase) and now and then the other service need, and half of those a second kind the other service needs;
    /// units have outages, uses by appointments, and reservations.
    /// </summary>
    private static (Service Service, Service Other) WithResources(Random random, SalonBuilder salon, Service service, Service other,
        LocalDate from, LocalDate to, Instant now)
    {
        if (random.Next(2) == 0) return (service, other);
        var zone = salon.Zone;
        var kind = salon.AddResource("Basin", random.Next(1, 4));
        // Now and then a second kind, which the other service needs: a visit's items then ask different units.
        var second = random.Next(2) == 0 ? salon.AddResource("Chair", random.Next(1, 3)) : null;
        ResourceNeed Need(Service s, ResourceNeed of) =>
            new(of.KindId, of.KindName, s.Phases.Count > 0 && random.Next(2) == 0 ? random.Next(s.Phases.Count) : null, of.Units);
        service = service with { Resource = Need(service, kind) };
        if (second is not null) other = other with { Resource = Need(other, second) };
        else if (random.Next(3) == 0) other = other with { Resource = Need(other, kind) };
        foreach (var unit in kind.Units.Concat(second?.Units ?? []))
        {
            for (var k = random.Next(2); k > 0; k--)
            {
                var start = RandomInstant(random, zone, from.PlusDays(-1), to.PlusDays(1));
                salon.AddOutage(unit, start, start + Duration.FromMinutes(random.Next(1, 600)));
            }
            for (var k = random.Next(8); k > 0; k--)
            {
                var start = RandomInstant(random, zone, from.PlusDays(-1), to.PlusDays(1));
                salon.Use(unit, new Interval(start, start + Duration.FromMinutes(random.Next(5, 120))));
            }
            if (random.Next(3) == 0)
            {
                var start = RandomInstant(random, zone, from, to);
                salon.Reserve(unit, new Interval(start, start + Duration.FromMinutes(random.Next(5, 60))), now + Duration.FromSeconds(random.Next(-600, 600)));
            }
        }
        return (service, other);
    }

    /// <summary>Two to four phases that add up to the duration, at least one of them busy.</summary>
    private static ServicePhase[] RandomPhases(Random random, int minutes)
    {
        var count = Math.Min(minutes, random.Next(2, 5));
        var cuts = Enumerable.Range(1, minutes - 1).OrderBy(_ => random.Next()).Take(count - 1).Order().Prepend(0).Append(minutes).ToArray();
        var phases = cuts.Zip(cuts.Skip(1), (a, b) => new ServicePhase(b - a, random.Next(2) == 0)).ToArray();
        var busy = random.Next(phases.Length);
        if (phases.All(p => !p.StaffBusy)) phases[busy] = new ServicePhase(phases[busy].Minutes, true);
        return phases;
    }

    private static int BufferMinutes(Random random) => random.Next(3) == 0 ? 0 : random.Next(0, 31);

    private static WeeklyHours RandomWeek(Random random, double chanceOfDay, Func<IsoDayOfWeek, LocalTimeRange[]> ranges)
    {
        var days = new Dictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>>();
        foreach (var day in SalonBuilder.EveryDay)
            if (random.NextDouble() < chanceOfDay)
                days[day] = ranges(day);
        return new WeeklyHours(days);
    }

    /// <summary>A short break anywhere in the day, now and then in the small hours where clocks change.</summary>
    private static LocalTimeRange RandomBreak(Random random)
    {
        var from = random.Next(4) == 0 ? random.Next(0, 4 * 60) : random.Next(0, 1440 - 5);
        return Range(from, Math.Min(1440, from + random.Next(5, 91)));
    }

    /// <summary>Up to <paramref name="count"/> disjoint, sorted ranges of whole minutes, the last possibly ending at 24:00.
    /// Times are biased towards the small hours so that they often fall in DST gaps and overlaps.</summary>
    private static LocalTimeRange[] RandomRanges(Random random, int count)
    {
        var points = new SortedSet<int>();
        while (points.Count < 2 * count)
            points.Add(random.Next(4) == 0 ? random.Next(0, 5 * 60) : random.Next(0, 1441));
        var p = points.ToArray();
        return Enumerable.Range(0, count).Select(i => Range(p[2 * i], p[2 * i + 1])).ToArray();
    }

    private static LocalTimeRange Range(int from, int to) =>
        new(LocalTime.FromMinutesSinceMidnight(from), to == 1440 ? LocalTime.Midnight : LocalTime.FromMinutesSinceMidnight(to));

    /// <summary>A whole-minute instant between the starts of two local dates.</summary>
    private static Instant RandomInstant(Random random, DateTimeZone zone, LocalDate first, LocalDate last)
    {
        var start = zone.AtStartOfDay(first).ToInstant();
        var minutes = (int)(zone.AtStartOfDay(last.PlusDays(1)).ToInstant() - start).TotalMinutes;
        var minute = random.Next(minutes);
        if (random.Next(2) == 0) minute -= minute % 5; // often on a 5-minute line, so that neighbours touch
        return start + Duration.FromMinutes(minute);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
