using BenchmarkDotNet.Attributes;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using FastBooking.Testing;
using NodaTime;

namespace FastBooking.Benchmarks;

/// <summary>
/// One "any staff" availability query over 20 staff × 14 days for a 45-minute service, with and without processing time:
/// the bitmap engine from stored state, the slot finder over already-projected bitmaps (the cached read path),
/// and the naive minute-by-minute reference.
/// </summary>
[MemoryDiagnoser]
public class AvailabilityQueryBenchmark
{
    private BusySalon _salon = null!;
    private SchedulingState _state = null!;
    private Dictionary<(StaffId, LocalDate), StaffDayBitmap> _projected = null!;

    /// <summary>The service has a processing phase: its busy time is two ranges, each scanned.</summary>
    [Params(false, true)]
    public bool Processing { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _salon = new BusySalon(Processing);
        _state = _salon.Salon.State;
        _projected = [];
        foreach (var staff in _salon.AnyStaffSearch.QualifiedStaff())
            foreach (var date in _salon.AnyStaffSearch.DatesToRead())
                _projected[(staff, date)] = StaffDayProjection.Project(
                    _state.Schedules[staff], LocalDay.Of(date, _salon.Salon.Zone), _state.AppointmentsOf(staff));

        var engine = BitmapEngine();
        var reference = Reference();
        if (!engine.Select(Key).SequenceEqual(reference.Select(Key)) || !FromProjectedBitmaps().Select(Key).SequenceEqual(engine.Select(Key)))
            throw new InvalidOperationException("The engines disagree on the benchmark salon.");
        Console.WriteLine($"// salon: {BusySalon.StaffCount} staff × {BusySalon.Days} days, {_state.Appointments.Count} appointments, " +
                          $"{_salon.BookedShare:P0} of open time booked, {engine.Count} slots");
    }

    private static string Key(Slot s) => $"{s.Start}/{s.End}/{string.Join(",", s.StaffIds)}";

    [Benchmark(Baseline = true)]
    public IReadOnlyList<Slot> Reference() => ReferenceAvailability.Find(_salon.AnyStaffSearch, _state, _salon.Now);

    [Benchmark]
    public IReadOnlyList<Slot> BitmapEngine() => AvailabilityEngine.Find(_salon.AnyStaffSearch, _state, _salon.Now);

    [Benchmark]
    public IReadOnlyList<Slot> FromProjectedBitmaps() =>
        SlotFinder.Find(_salon.AnyStaffSearch, (id, date) => _projected.GetValueOrDefault((id, date)), _state.Holds, _salon.Now);
}
