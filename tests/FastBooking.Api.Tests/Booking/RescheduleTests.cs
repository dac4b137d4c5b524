using System.Net;
using FastBooking.Api.Tests.Support;
using NodaTime;

namespace FastBooking.Api.Tests.Booking;

[Collection(ApiCollection.Name)]
public sealed class RescheduleTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Rescheduling_moves_the_appointment_keeping_its_id_and_bumping_its_version()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync(minutes: 60);
        var id = await salon.BookedAsync(service, staff, "2026-12-01T10:00:00Z");

        var body = await SalonClient.Json(await SalonClient.Ok(salon.RescheduleAsync(id, "2026-12-01T14:00:00Z")));

        Assert.Equal(id, body["id"]!.GetValue<string>());
        Assert.Equal(2, body["version"]!.GetValue<int>());
        Assert.Equal("2026-12-01T14:00:00+00:00", body["start"]!.GetValue<string>());
        Assert.Equal("2026-12-01T15:00:00+00:00", body["end"]!.GetValue<string>());
        var stored = await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync($"/v1/appointments/{id}")));
        Assert.Equal("2026-12-01T14:00:00+00:00", stored["start"]!.GetValue<string>());
        Assert.Equal(1, await salon.ConfirmedCountAsync());
    }

    [Fact]
    public async Task Rescheduling_writes_a_history_row_per_version()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync(minutes: 60);
        var id = await salon.BookedAsync(service, staff, "2026-12-01T10:00:00Z");

        await SalonClient.Ok(salon.RescheduleAsync(id, "2026-12-01T14:00:00Z"));

        Assert.Equal(1, await salon.CountAsync($"""
            SELECT count(*) FROM appointment_history WHERE appointment_id = '{id}' AND version = 1 AND event = 'booked'
              AND start_at = '2026-12-01T10:00:00Z'
            """));
        Assert.Equal(1, await salon.CountAsync($"""
            SELECT count(*) FROM appointment_history WHERE appointment_id = '{id}' AND version = 2 AND event = 'rescheduled'
              AND start_at = '2026-12-01T14:00:00Z'
            """));
    }

    [Fact]
    public async Task Rescheduling_to_another_staff_member_moves_the_appointment_to_them()
    {
        var (salon, staff, _) = await NewSalonWithServiceAsync(minutes: 60);
        var other = await salon.AddStaffAsync("Other");
        var service = await salon.AddServiceAsync([staff, other], minutes: 60);
        var id = await salon.BookedAsync(service, staff, "2026-12-01T10:00:00Z");

        var body = await SalonClient.Json(await SalonClient.Ok(salon.RescheduleAsync(id, "2026-12-01T10:00:00Z", other)));

        Assert.Equal(other, body["staffId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, (await salon.BookAsync(service, staff, "2026-12-01T10:00:00Z")).StatusCode);
    }

    [Fact]
    public async Task Rescheduling_frees_the_old_range_for_a_new_booking()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync(minutes: 60);
        var id = await salon.BookedAsync(service, staff, "2026-12-01T10:00:00Z");

        await SalonClient.Ok(salon.RescheduleAsync(id, "2026-12-01T14:00:00Z"));

        Assert.Equal(HttpStatusCode.Created, (await salon.BookAsync(service, staff, "2026-12-01T10:00:00Z")).StatusCode);
        Assert.Equal(0, await salon.OverlapCountAsync());
    }

    [Fact]
    public async Task Rescheduling_into_a_taken_range_is_refused_and_leaves_the_appointment_where_it_was()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync(minutes: 60);
        var id = await salon.BookedAsync(service, staff, "2026-12-01T10:00:00Z");
        await salon.BookedAsync(service, staff, "2026-12-01T14:00:00Z");

        await SalonClient.AssertProblem(await salon.RescheduleAsync(id, "2026-12-01T14:30:00Z"), HttpStatusCode.Conflict, "slot_taken");

        var stored = await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync($"/v1/appointments/{id}")));
        Assert.Equal("2026-12-01T10:00:00+00:00", stored["start"]!.GetValue<string>());
        Assert.Equal(1, stored["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Rescheduling_onto_an_overlapping_part_of_its_own_range_is_allowed()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync(minutes: 60);
        var id = await salon.BookedAsync(service, staff, "2026-12-01T10:00:00Z");

        var body = await SalonClient.Json(await SalonClient.Ok(salon.RescheduleAsync(id, "2026-12-01T10:30:00Z")));

        Assert.Equal("2026-12-01T10:30:00+00:00", body["start"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rescheduling_racing_bookings_of_the_new_range_lets_exactly_one_win()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync(minutes: 60);
        string[] days = ["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"];
        var appointments = new List<string>();
        foreach (var day in days) appointments.Add(await salon.BookedAsync(service, staff, $"{day}T10:00:00Z"));

        var rounds = await Task.WhenAll(days.Select(async (day, i) =>
        {
            var moves = salon.RescheduleAsync(appointments[i], $"{day}T14:00:00Z");
            var bookings = Enumerable.Range(0, 5).Select(_ => salon.BookAsync(service, staff, $"{day}T14:30:00Z")).ToList();
            var move = await moves;
            var booked = await Task.WhenAll(bookings);
            return (Move: move, Booked: booked);
        }));

        foreach (var (move, booked) in rounds)
        {
            var winners = booked.Count(b => b.StatusCode == HttpStatusCode.Created) + (move.StatusCode == HttpStatusCode.OK ? 1 : 0);
            Assert.Equal(1, winners);
            if (move.StatusCode != HttpStatusCode.OK) await SalonClient.AssertProblem(move, HttpStatusCode.Conflict, "slot_taken");
            foreach (var b in booked.Where(b => b.StatusCode != HttpStatusCode.Created))
                await SalonClient.AssertProblem(b, HttpStatusCode.Conflict, "slot_taken");
        }
        Assert.Equal(0, await salon.OverlapCountAsync());
        Assert.Equal(days.Length + rounds.Sum(r => r.Booked.Count(b => b.StatusCode == HttpStatusCode.Created)),
            await salon.ConfirmedCountAsync());
    }

    [Fact]
    public async Task Rescheduling_racing_a_booking_of_the_freed_range_never_overlaps()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync(minutes: 60);
        string[] days = ["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"];
        var appointments = new List<string>();
        foreach (var day in days) appointments.Add(await salon.BookedAsync(service, staff, $"{day}T10:00:00Z"));

        var rounds = await Task.WhenAll(days.Select(async (day, i) =>
        {
            var move = salon.RescheduleAsync(appointments[i], $"{day}T14:00:00Z");
            var booking = salon.BookAsync(service, staff, $"{day}T10:00:00Z");
            return (Move: await move, Booking: await booking);
        }));

        foreach (var (move, booking) in rounds)
        {
            Assert.Equal(HttpStatusCode.OK, move.StatusCode);
            if (booking.StatusCode != HttpStatusCode.Created)
                await SalonClient.AssertProblem(booking, HttpStatusCode.Conflict, "slot_taken");
        }
        Assert.Equal(0, await salon.OverlapCountAsync());
        Assert.Equal(days.Length + rounds.Count(r => r.Booking.StatusCode == HttpStatusCode.Created), await salon.ConfirmedCountAsync());
    }

    [Fact]
    public async Task Rescheduling_after_the_cutoff_is_refused()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync(minutes: 60);
        var id = await salon.BookedAsync(service, staff, "2026-12-01T10:00:00Z");
        Api.Clock.Reset(Instant.FromUtc(2026, 11, 30, 10, 0) + Duration.FromSeconds(1)); // default cut-off: 24 h

        await SalonClient.AssertProblem(await salon.RescheduleAsync(id, "2026-12-01T14:00:00Z"),
            HttpStatusCode.UnprocessableEntity, "reschedule_cutoff");

        Assert.Equal(1, await salon.CountAsync($"SELECT version FROM appointments WHERE id = '{id}'"));
    }

    [Fact]
    public async Task Rescheduling_exactly_at_the_cutoff_is_allowed()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync(minutes: 60);
        var id = await salon.BookedAsync(service, staff, "2026-12-01T10:00:00Z");
        Api.Clock.Reset(Instant.FromUtc(2026, 11, 30, 10, 0));

        await SalonClient.Ok(salon.RescheduleAsync(id, "2026-12-01T14:00:00Z"));
    }

    [Fact]
    public async Task Rescheduling_a_cancelled_appointment_is_refused()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync(minutes: 60);
        var id = await salon.BookedAsync(service, staff, "2026-12-01T10:00:00Z");
        await SalonClient.Ok(salon.CancelAsync(id));

        await SalonClient.AssertProblem(await salon.RescheduleAsync(id, "2026-12-01T14:00:00Z"), HttpStatusCode.Conflict, "already_cancelled");

        Assert.Equal(0, await salon.ConfirmedCountAsync());
    }

    [Fact]
    public async Task Rescheduling_checks_the_new_start_like_a_booking()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync(minutes: 60);
        var id = await salon.BookedAsync(service, staff, "2026-12-01T10:00:00Z");

        await SalonClient.AssertProblem(await salon.RescheduleAsync(id, "2026-12-01T14:05:00Z"), HttpStatusCode.UnprocessableEntity, "off_grid");
        await SalonClient.AssertProblem(await salon.RescheduleAsync(id, "2026-12-01T16:30:00Z"), HttpStatusCode.UnprocessableEntity, "outside_open_time");

        Assert.Equal(1, await salon.CountAsync($"SELECT version FROM appointments WHERE id = '{id}'"));
    }

    [Fact]
    public async Task Rescheduling_to_a_staff_member_who_does_not_perform_the_service_is_refused()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync(minutes: 60);
        var other = await salon.AddStaffAsync("Other");
        var id = await salon.BookedAsync(service, staff, "2026-12-01T10:00:00Z");

        await SalonClient.AssertProblem(await salon.RescheduleAsync(id, "2026-12-01T10:00:00Z", other), HttpStatusCode.UnprocessableEntity, "service_not_offered");

        Assert.Equal(staff, (await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync($"/v1/appointments/{id}"))))["staffId"]!.GetValue<string>());
    }
}
