using System.Net;
using System.Net.Http.Json;
using FastBooking.Api.Tests.Support;

namespace FastBooking.Api.Tests.Booking;

[Collection(ApiCollection.Name)]
public sealed class BookingTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Booking_a_free_slot_answers_201_with_the_appointment()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        var response = await salon.BookAsync(service, staff, "2026-12-01T10:00:00Z");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await SalonClient.Json(response);
        Assert.Equal("confirmed", body["status"]!.GetValue<string>());
        Assert.Equal("2026-12-01T10:00:00+00:00", body["start"]!.GetValue<string>());
        Assert.Equal("2026-12-01T10:30:00+00:00", body["end"]!.GetValue<string>());
    }

    [Fact]
    public async Task Appointment_times_are_shown_in_the_business_time_zone_whatever_offset_was_sent()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync(timeZone: "Europe/Paris");

        var response = await salon.BookAsync(service, staff, "2026-12-01T04:00:00-05:00"); // 10:00 in Paris

        var body = await SalonClient.Json(await SalonClient.Ok(Task.FromResult(response)));
        Assert.Equal("2026-12-01T10:00:00+01:00", body["start"]!.GetValue<string>());
        Assert.Equal("2026-12-01T10:30:00+01:00", body["end"]!.GetValue<string>());
        Assert.Equal(1, body["version"]!.GetValue<int>());
        Assert.Equal("Ann", body["customer"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Booking_writes_the_appointment_its_history_and_an_outbox_event_together()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        var id = await salon.BookedAsync(service, staff, "2026-12-01T10:00:00Z");

        Assert.Equal(1, await salon.ConfirmedCountAsync());
        Assert.Equal(1, await salon.CountAsync($"SELECT count(*) FROM appointment_history WHERE appointment_id = '{id}' AND event = 'booked'"));
        Assert.Equal(1, await salon.CountAsync(
            $"SELECT count(*) FROM outbox WHERE business_id = @business AND type = 'appointment.changed' AND payload->>'appointmentId' = '{id}'"));
    }

    [Fact]
    public async Task Listing_appointments_shows_the_dates_asked_for_in_start_order_with_cancelled_ones()
    {
        var salon = await NewSalonAsync();
        var staff = await salon.AddStaffAsync();
        var other = await salon.AddStaffAsync("Other");
        var service = await salon.AddServiceAsync([staff, other]);
        var late = await salon.BookedAsync(service, staff, "2026-12-01T15:00:00Z");
        var early = await salon.BookedAsync(service, other, "2026-12-01T09:00:00Z");
        var cancelled = await salon.BookedAsync(service, staff, "2026-12-01T11:00:00Z");
        await salon.BookedAsync(service, staff, "2026-12-02T10:00:00Z");
        await SalonClient.Ok(salon.CancelAsync(cancelled));

        var all = await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync("/v1/appointments?from=2026-12-01&to=2026-12-01")));
        var ofStaff = await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync($"/v1/appointments?staffId={staff}&from=2026-12-01&to=2026-12-01")));

        Assert.Equal([early, cancelled, late], SalonClient.Items(all).Select(a => a!["id"]!.GetValue<string>()));
        Assert.Equal("cancelled", SalonClient.Items(all)[1]!["status"]!.GetValue<string>());
        Assert.Equal([cancelled, late], SalonClient.Items(ofStaff).Select(a => a!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Booking_any_staff_for_a_service_nobody_performs_is_refused()
    {
        var salon = await NewSalonAsync();
        var service = await salon.AddServiceAsync([]);

        var response = await salon.BookAsync(service, null, "2026-12-01T10:00:00Z");

        await SalonClient.AssertProblem(response, HttpStatusCode.UnprocessableEntity, "service_not_offered");
        Assert.Equal(0, await salon.ConfirmedCountAsync());
        Assert.Empty((await salon.AvailabilityAsync(service, "2026-12-01", "2026-12-01"))["slots"]!.AsArray());
    }

    [Fact]
    public async Task An_appointment_reads_back_with_every_contract_field()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var booked = await SalonClient.Json(await SalonClient.Ok(salon.Http.PostAsJsonAsync("/v1/appointments", new
        {
            serviceId = service, staffId = staff, start = "2026-12-01T10:00:00Z",
            customer = new { name = "Ann", phone = "+44 20 7946 0000", email = "ann@example.com" }, notes = "Fringe only",
        })));

        var read = await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync($"/v1/appointments/{booked["id"]}")));

        Assert.Equal(booked.ToJsonString(), read.ToJsonString());
        foreach (var field in new[] { "id", "status", "serviceId", "staffId", "start", "end", "customer", "notes", "version", "createdAt", "updatedAt" })
            Assert.True(read[field] is not null, $"missing {field}: {read.ToJsonString()}");
        Assert.Equal("ann@example.com", read["customer"]!["email"]!.GetValue<string>());
        Assert.Equal("2026-11-24T12:00:00+00:00", read["createdAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task Booking_a_staff_member_with_a_specific_duration_uses_it()
    {
        var salon = await NewSalonAsync();
        var staff = await salon.AddStaffAsync();
        var service = await SalonClient.Json(await SalonClient.Ok(salon.Http.PostAsJsonAsync("/v1/services", new
        {
            name = "Cut", durationMinutes = 30, bufferBeforeMinutes = 0, bufferAfterMinutes = 0,
            staff = new[] { new { staffId = staff, durationMinutes = 45 } },
        })));

        var body = await SalonClient.Json(await SalonClient.Ok(salon.BookAsync(service["id"]!.GetValue<string>(), staff, "2026-12-01T10:00:00Z")));

        Assert.Equal("2026-12-01T10:45:00+00:00", body["end"]!.GetValue<string>());
    }
}
