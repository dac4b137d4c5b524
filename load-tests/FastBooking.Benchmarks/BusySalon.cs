using FastBooking.Domain.Availability;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using FastBooking.Testing;
using NodaTime;

namespace FastBooking.Benchmarks;

/// <summary>
/// A realistic, deterministic salon: 20 staff over 14 days in Europe/London, half on split shifts, half on a day shift
/// with a lunch break, two days off a week each, a 45-minute service with a 10-minute cleanup (with processing time: 15
/// minutes busy, 20 free, 10 busy), and about 40% of open time booked (plus a few live holds).
/// </summary>
public sealed class BusySalon
{
    public const int StaffCount = 20;
    public const int Days = 14;
    public static readonly LocalDate FirstDay = new(2026, 6, 1);

    public SalonBuilder Salon { get; }
    public Service Service { get; }
    public SlotSearch AnyStaffSearch { get; }
    public Instant Now { get; }
    public double BookedShare { get; }

    public BusySalon(bool processing = false, int seed = 20260601)
    {
        var random = new Random(seed);
        Salon = new SalonBuilder("Europe/London");
        for (var i = 0; i < StaffCount; i++)
        {
            var daysOff = new[] { (IsoDayOfWeek)(i % 7 + 1), (IsoDayOfWeek)((i + 3) % 7 + 1) };
            var days = SalonBuilder.EveryDay.Except(daysOff);
            var id = i % 2 == 0
                ? Salon.AddStaff([SalonBuilder.Hours("09:00", "13:00"), SalonBuilder.Hours("14:00", "19:00")], days)
                : Salon.AddStaff([SalonBuilder.Hours("08:30", "17:30")], days);
            if (i % 2 == 1) Salon.AddBreak(id, "12:30", "13:15");
        }
        Service = Salon.AddService(45, bufferAfter: 10,
            phases: processing ? [new ServicePhase(15, true), new ServicePhase(20, false), new ServicePhase(10, true)] : null);
        Now = Salon.At(2026, 5, 31, 8, 0);

        // Walk each staff-day's open time on a 15-minute grid, booking now and then: roughly 40% ends up booked.
        long open = 0, booked = 0;
        var state = Salon.State;
        foreach (var staff in Salon.Staff)
            for (var d = 0; d < Days; d++)
                foreach (var range in OpenTime.Of(state.Schedules[staff], LocalDay.Of(FirstDay.PlusDays(d), Salon.Zone)).Open)
                {
                    open += (long)(range.End - range.Start).TotalMinutes;
                    var t = range.Start;
                    var occupied = Service.OccupiedAt(t, staff).Duration;
                    while (t + occupied <= range.End)
                    {
                        if (random.NextDouble() < 0.19)
                        {
                            Salon.Book(Service, staff, t);
                            booked += (long)occupied.TotalMinutes;
                            t += Duration.FromMinutes(60);
                        }
                        else t += Duration.FromMinutes(15);
                    }
                }
        BookedShare = (double)booked / open;

        for (var h = 0; h < 10; h++)
        {
            var staff = Salon.Staff[random.Next(StaffCount)];
            Salon.Hold(Service, staff, Salon.At(2026, 6, 1 + random.Next(Days), 9 + random.Next(8), 15 * random.Next(4)), Now + Duration.FromMinutes(5));
        }

        AnyStaffSearch = Salon.Search(Service, FirstDay, FirstDay.PlusDays(Days - 1));
    }
}
