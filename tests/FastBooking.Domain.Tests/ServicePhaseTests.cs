using FastBooking.Domain.Availability;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;

namespace FastBooking.Domain.Tests;

/// <summary>Phases: the staff member is busy only with the buffers and the busy phases.</summary>
public class ServicePhaseTests
{
    private static readonly ServicePhase[] Colour = [new(20, true), new(35, false), new(10, true)];

    private readonly SalonBuilder _salon = new("Europe/London");
    private readonly StaffId _anna;

    public ServicePhaseTests() => _anna = _salon.AddStaff("09:00", "17:00");

    private Instant Monday(int hour, int minute = 0) => _salon.At(2026, 6, 1, hour, minute);

    [Fact]
    public void A_colour_keeps_the_stylist_busy_with_its_application_and_its_rinse_and_its_buffers_only()
    {
        var colour = _salon.AddService(65, bufferBefore: 5, bufferAfter: 5, phases: Colour);

        Assert.Equal([(-5, 20), (55, 70)], colour.BusyMinutes(_anna));
        Assert.Equal(new Interval(Monday(9, 55), Monday(11, 10)), colour.OccupiedAt(Monday(10), _anna));
    }

    [Fact]
    public void A_service_without_phases_is_busy_for_its_whole_occupied_range()
    {
        var cut = _salon.AddService(30, bufferBefore: 5, bufferAfter: 10);

        Assert.Equal([(-5, 40)], cut.BusyMinutes(_anna));
    }

    [Fact]
    public void A_processing_phase_at_either_end_leaves_the_buffer_on_its_own()
    {
        var soak = _salon.AddService(30, bufferBefore: 5, bufferAfter: 0, phases: [new(10, false), new(20, true)]);

        Assert.Equal([(-5, 0), (10, 30)], soak.BusyMinutes(_anna));
    }

    [Fact]
    public void Another_client_s_cut_is_offered_with_the_stylist_inside_a_colour_s_processing_time()
    {
        var colour = _salon.AddService(70, phases: [new(15, true), new(45, false), new(10, true)]);
        var cut = _salon.AddService(30);
        _salon.Book(colour, _anna, Monday(10)); // busy 10:00–10:15 and 11:00–11:10

        var starts = AvailabilityEngine.Find(_salon.Search(cut, Dates.Monday), _salon.State, Monday(8)).Select(s => s.Start).ToList();

        Assert.Contains(Monday(10, 15), starts);
        Assert.Contains(Monday(10, 30), starts);
        Assert.DoesNotContain(Monday(10, 45), starts); // would run into the rinse
        Assert.Empty(Bookability.Explain(_salon.State, cut, _anna, Monday(10, 30), Monday(8)));
        Assert.Contains(Bookability.Explain(_salon.State, cut, _anna, Monday(10, 45), Monday(8)), r => r.Code == Reason.OverlapsAppointment);
    }

    [Fact]
    public void A_colour_s_processing_time_may_overlap_the_stylist_s_break()
    {
        _salon.AddBreak(_anna, "12:05", "12:35");
        var colour = _salon.AddService(65, phases: Colour);

        Assert.Empty(Bookability.Explain(_salon.State, colour, _anna, Monday(11, 45), Monday(8))); // processing 12:05–12:40
        Assert.Contains(Bookability.Explain(_salon.State, colour, _anna, Monday(12), Monday(8)), r => r.Code == Reason.Break);
    }

    [Theory]
    [InlineData(60, false, "add up")]
    [InlineData(65, true, "own duration")]
    public void Phases_that_cannot_make_up_the_service_are_named(int duration, bool ownDuration, string problem) =>
        Assert.Contains(problem, ServicePhase.Problem(Colour, duration, ownDuration));

    [Fact]
    public void Phases_that_never_keep_the_staff_member_busy_are_refused() =>
        Assert.Contains("busy", ServicePhase.Problem([new(30, false)], 30, anyOwnDuration: false));

    [Fact]
    public void A_phase_of_no_minutes_cannot_exist() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ServicePhase(0, true));
}
