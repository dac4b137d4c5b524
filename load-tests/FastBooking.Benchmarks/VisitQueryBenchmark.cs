using BenchmarkDotNet.Attributes;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Resources;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Visits;
using NodaTime;

namespace FastBooking.Benchmarks;

/// <summary>
/// A 3-item visit search (a colour on a colour chair, a wash at a basin, a treatment in the one treatment room, each
/// by anyone) against the single-service search, over the same 20 staff × 7 days of <see cref="BusySalon"/>, three
/// resource kinds (3 chairs, 2 basins, 1 room) about a third booked: both scans over already-projected bitmaps, as the
/// Redis read path runs them.
/// </summary>
[MemoryDiagnoser]
public class VisitQueryBenchmark
{
    private const int Days = 7;

    private Func<StaffId, LocalDate, StaffDayBitmap?> _bitmaps = null!;
    private SchedulingState _state = null!;
    private SlotSearch _single = null!;
    private VisitSearch _visit = null!;
    private Instant _now;

    [GlobalSetup]
    public void Setup()
    {
        var busy = new BusySalon();
        var salon = busy.Salon;
        var random = new Random(20261207);
        var chairs = salon.AddResource("Colour chair", 3);
        var basins = salon.AddResource("Basin", 2);
        var room = salon.AddResource("Treatment room", 1);
        foreach (var unit in chairs.Units.Concat(basins.Units).Concat(room.Units))
            for (var d = 0; d < Days; d++)
                for (var hour = 9; hour < 19; hour++)
                    if (random.NextDouble() < 0.33)
                    {
                        var start = salon.At(BusySalon.FirstDay.Year, BusySalon.FirstDay.Month, BusySalon.FirstDay.Day + d, hour, 15 * random.Next(4));
                        salon.Use(unit, new Interval(start, start + Duration.FromMinutes(30)));
                    }
        var colour = salon.AddService(65, phases: [new ServicePhase(20, true), new ServicePhase(35, false), new ServicePhase(10, true)]) with { Resource = chairs };
        var wash = salon.AddService(15) with { Resource = basins };
        var treatment = salon.AddService(30, bufferAfter: 5) with { Resource = room };

        _state = salon.State;
        _now = busy.Now;
        var last = BusySalon.FirstDay.PlusDays(Days - 1);
        _single = busy.AnyStaffSearch with { To = last };
        _visit = new VisitSearch(salon.Business, [new(colour, salon.Staff), new(wash, salon.Staff), new(treatment, salon.Staff)], sameStaff: false, BusySalon.FirstDay, last);
        var dates = _visit.DatesToRead().Union(_single.DatesToRead()).ToList();
        _bitmaps = AvailabilityEngine.Project(_state, _visit.Calendars(), dates);

        var visits = ThreeItemVisit();
        if (!Show(visits).SequenceEqual(Show(AvailabilityEngine.FindVisit(_visit, _state, _now))))
            throw new InvalidOperationException("The scan over projected bitmaps and the engine from stored state disagree.");
        Console.WriteLine($"// salon: {BusySalon.StaffCount} staff × {Days} days, 6 resource units, {_state.Appointments.Count} appointments and unit uses; " +
                          $"{SingleService().Count} single-service slots, {visits.Count} visits");
    }

    private static IEnumerable<string> Show(IEnumerable<VisitSlot> visits) =>
        visits.Select(v => $"{v.Start}/{string.Join("|", v.Items.Select(i => $"{i.Start}-{i.End}:{string.Join(",", i.StaffIds)}"))}");

    [Benchmark(Baseline = true)]
    public IReadOnlyList<Slot> SingleService() => SlotFinder.Find(_single, _bitmaps, _state.Holds, _now);

    [Benchmark]
    public IReadOnlyList<VisitSlot> ThreeItemVisit() => VisitFinder.Find(_visit, _bitmaps, _state.Holds, _now);
}
