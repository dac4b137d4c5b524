using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Holds;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using NodaTime.Testing;

namespace FastBooking.Domain.Tests;

/// <summary>Explain: every reason a start is not bookable, or none when it is.</summary>
public class BookabilityTests
{
    private readonly SalonBuilder _salon;
    private readonly StaffId _anna;
    private readonly Service _cut;
    private readonly FakeClock _clock;

    public BookabilityTests()
    {
        _salon = new SalonBuilder("Europe/London");
        _anna = _salon.AddStaff("09:00", "17:00");
        _salon.AddBreak(_anna, "12:00", "13:00");
        _cut = _salon.AddService(30);
        _clock = new FakeClock(Dates.NowBefore(Dates.Monday, _salon.Zone));
    }

    private Instant Monday(int hour, int minute = 0) => _salon.At(2026, 6, 1, hour, minute);

    private IReadOnlyList<Reason> Explain(Instant start, Service? service = null, StaffId? staff = null,
        FastBooking.Domain.Appointments.AppointmentId? rescheduling = null, HoldToken? ownHold = null) =>
        Bookability.Explain(_salon.State, service ?? _cut, staff ?? _anna, start, _clock.GetCurrentInstant(), rescheduling, ownHold);

    private List<string> Codes(Instant start, Service? service = null, StaffId? staff = null,
        FastBooking.Domain.Appointments.AppointmentId? rescheduling = null, HoldToken? ownHold = null) =>
        Explain(start, service, staff, rescheduling, ownHold).Select(r => r.Code).ToList();

    [Fact]
    public void Bookable_start_has_no_reasons() => Assert.Empty(Explain(Monday(10)));

    [Fact]
    public void Start_off_the_slot_grid_is_off_grid() => Assert.Equal([Reason.OffGrid], Codes(Monday(10, 5)));

    [Fact]
    public void Start_before_now_plus_lead_time_is_lead_time()
    {
        _clock.Reset(Monday(9, 30));

        var reasons = Explain(Monday(10));

        Assert.Equal([Reason.LeadTime], reasons.Select(r => r.Code));
        Assert.Contains("2026-06-01T09:30:00Z", reasons[0].Detail); // 10:30 BST, the earliest start
    }

    [Fact]
    public void Start_exactly_at_now_plus_lead_time_is_bookable()
    {
        _clock.Reset(Monday(9));

        Assert.Empty(Explain(Monday(10)));
    }

    [Fact]
    public void Start_after_now_plus_booking_window_is_booking_window()
    {
        _salon.WithRules(r => new BookingRules(r.Settings with { BookingWindowDays = 1 }));
        _clock.Reset(_salon.At(2026, 5, 31, 10, 0) - Duration.Epsilon);

        Assert.Equal([Reason.BookingWindow], Codes(Monday(10)));
    }

    [Fact]
    public void Start_exactly_at_now_plus_booking_window_is_bookable()
    {
        _salon.WithRules(r => new BookingRules(r.Settings with { BookingWindowDays = 1 }));
        _clock.Reset(_salon.At(2026, 5, 31, 10, 0));

        Assert.Empty(Explain(Monday(10)));
    }

    [Fact]
    public void Appointment_running_past_closing_is_outside_working_hours() =>
        Assert.Equal([Reason.OutsideWorkingHours], Codes(Monday(16, 45)));

    [Fact]
    public void Start_before_opening_is_outside_working_hours() => Assert.Equal([Reason.OutsideWorkingHours], Codes(Monday(8, 45)));

    [Fact]
    public void Buffer_running_past_closing_is_outside_working_hours()
    {
        var messy = _salon.AddService(30, bufferAfter: 15);

        Assert.Equal([Reason.OutsideWorkingHours], Codes(Monday(16, 30), messy));
    }

    [Fact]
    public void Start_overlapping_a_break_is_break()
    {
        var reasons = Explain(Monday(11, 45));

        Assert.Equal([Reason.Break], reasons.Select(r => r.Code));
        Assert.Contains("2026-06-01T11:00:00Z", reasons[0].Detail);
    }

    [Fact]
    public void Start_overlapping_time_off_is_time_off()
    {
        _salon.AddTimeOff(_anna, Monday(14), Monday(15));

        Assert.Equal([Reason.TimeOff], Codes(Monday(14, 45)));
    }

    [Fact]
    public void Start_overlapping_an_appointment_names_it()
    {
        var booked = _salon.Book(_cut, _anna, Monday(10));

        var reasons = Explain(Monday(10, 15));

        Assert.Equal([Reason.OverlapsAppointment], reasons.Select(r => r.Code));
        Assert.Contains(booked.Id.ToString(), reasons[0].Detail);
    }

    [Fact]
    public void Every_overlapped_appointment_is_a_reason_in_time_order()
    {
        var hour = _salon.AddService(60);
        var later = _salon.Book(_cut, _anna, Monday(10, 30));
        var earlier = _salon.Book(_cut, _anna, Monday(10));

        var reasons = Explain(Monday(10), hour);

        Assert.Equal([Reason.OverlapsAppointment, Reason.OverlapsAppointment], reasons.Select(r => r.Code));
        Assert.Contains(earlier.Id.ToString(), reasons[0].Detail);
        Assert.Contains(later.Id.ToString(), reasons[1].Detail);
    }

    [Fact]
    public void Start_inside_a_neighbours_buffer_after_overlaps_it()
    {
        var colour = _salon.AddService(30, bufferAfter: 15);
        _salon.Book(colour, _anna, Monday(10)); // occupies 10:00–10:45

        Assert.Equal([Reason.OverlapsAppointment], Codes(Monday(10, 30)));
        Assert.Empty(Explain(Monday(10, 45)));
    }

    [Fact]
    public void Start_whose_buffer_before_reaches_a_neighbour_overlaps_it()
    {
        var prepared = _salon.AddService(30, bufferBefore: 15);
        _salon.Book(_cut, _anna, Monday(10)); // occupies 10:00–10:30

        Assert.Equal([Reason.OverlapsAppointment], Codes(Monday(10, 30), prepared));
        Assert.Empty(Explain(Monday(10, 45), prepared));
    }

    [Fact]
    public void Start_overlapping_someone_elses_live_hold_is_held()
    {
        _salon.Hold(_cut, _anna, Monday(10), _clock.GetCurrentInstant() + Duration.FromMinutes(5));

        Assert.Equal([Reason.Held], Codes(Monday(10, 15)));
    }

    [Fact]
    public void Expired_hold_is_no_reason()
    {
        _salon.Hold(_cut, _anna, Monday(10), _clock.GetCurrentInstant() + Duration.FromMinutes(5));
        _clock.AdvanceMinutes(5);

        Assert.Empty(Explain(Monday(10, 15)));
    }

    [Fact]
    public void Own_hold_does_not_block()
    {
        var hold = _salon.Hold(_cut, _anna, Monday(10), _clock.GetCurrentInstant() + Duration.FromMinutes(5));

        Assert.Empty(Explain(Monday(10), ownHold: hold.Token));
    }

    [Fact]
    public void Own_hold_does_not_excuse_someone_elses_hold()
    {
        var mine = _salon.Hold(_cut, _anna, Monday(10), _clock.GetCurrentInstant() + Duration.FromMinutes(5));
        _salon.Hold(_cut, _anna, Monday(10, 15), _clock.GetCurrentInstant() + Duration.FromMinutes(5));

        Assert.Equal([Reason.Held], Codes(Monday(10), ownHold: mine.Token));
    }

    [Fact]
    public void Rescheduling_ignores_its_own_appointment()
    {
        var booked = _salon.Book(_cut, _anna, Monday(10));

        Assert.Empty(Explain(Monday(10, 15), rescheduling: booked.Id));
    }

    [Fact]
    public void Rescheduling_is_still_blocked_by_other_appointments()
    {
        var moving = _salon.Book(_cut, _anna, Monday(10));
        _salon.Book(_cut, _anna, Monday(10, 30));

        Assert.Equal([Reason.OverlapsAppointment], Codes(Monday(10, 15), rescheduling: moving.Id));
    }

    [Fact]
    public void Staff_who_does_not_perform_the_service_is_service_not_offered_and_nothing_else()
    {
        var ben = _salon.AddStaff("09:00", "17:00");
        var beard = _salon.AddService(30, staff: [ben]);

        Assert.Equal([Reason.ServiceNotOffered], Codes(Monday(3, 7), beard, _anna));
    }

    [Fact]
    public void Staff_without_a_schedule_is_service_not_offered()
    {
        var stranger = new StaffId(Guid.NewGuid());
        var anyone = _cut with { StaffDurations = new Dictionary<StaffId, int?> { [stranger] = null } };

        Assert.Equal([Reason.ServiceNotOffered], Codes(Monday(10), anyone, stranger));
    }

    [Fact]
    public void Every_reason_that_applies_is_reported()
    {
        _clock.Reset(Monday(12));
        _salon.Book(_cut, _anna, Monday(11, 30));
        _salon.Hold(_cut, _anna, Monday(12, 30), _clock.GetCurrentInstant() + Duration.FromMinutes(5));
        _salon.AddTimeOff(_anna, Monday(11, 50), Monday(11, 55));
        var hour = _salon.AddService(60);

        Assert.Equal(
            [Reason.OffGrid, Reason.LeadTime, Reason.Break, Reason.TimeOff, Reason.OverlapsAppointment, Reason.Held],
            Codes(Monday(11, 40), hour));
    }

    [Fact]
    public void Buffer_before_reaching_into_a_closed_previous_day_is_outside_working_hours()
    {
        var salon = new SalonBuilder();
        var anna = salon.AddStaff([SalonBuilder.Hours("00:00", "24:00")], SalonBuilder.Weekdays);
        var prepared = salon.AddService(30, bufferBefore: 15);
        var now = Dates.NowBefore(Dates.Monday, salon.Zone);

        Assert.Equal([Reason.OutsideWorkingHours],
            Bookability.Explain(salon.State, prepared, anna, salon.At(2026, 6, 1, 0, 0), now).Select(r => r.Code));
        Assert.Empty(Bookability.Explain(salon.State, prepared, anna, salon.At(2026, 6, 2, 0, 0), now));
    }

    [Fact]
    public void Reason_codes_are_the_stable_api_strings()
    {
        Assert.Equal(
            ["off_grid", "lead_time", "booking_window", "outside_working_hours", "break", "time_off", "overlaps_appointment", "held", "service_not_offered"],
            [Reason.OffGrid, Reason.LeadTime, Reason.BookingWindow, Reason.OutsideWorkingHours, Reason.Break, Reason.TimeOff,
             Reason.OverlapsAppointment, Reason.Held, Reason.ServiceNotOffered]);
    }
}
