using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FastBooking.Api.Tests.Support;

namespace FastBooking.Api.Tests.Security;

/// <summary>Business A's key against business B's resources: B's ids do not exist for A, and nothing of B's changes.</summary>
[Collection(ApiCollection.Name)]
public sealed class TenantIsolationTests(ApiFactory api) : ApiTest(api)
{
    private sealed record Tenants(SalonClient A, string StaffA, string ServiceA, SalonClient B, string StaffB, string ServiceB, string AppointmentB);

    private async Task<Tenants> TwoBusinessesAsync()
    {
        var (a, staffA, serviceA) = await NewSalonWithServiceAsync();
        var (b, staffB, serviceB) = await NewSalonWithServiceAsync();
        var appointmentB = await b.BookedAsync(serviceB, staffB, "2026-12-01T10:00:00Z");
        return new Tenants(a, staffA, serviceA, b, staffB, serviceB, appointmentB);
    }

    private static Task<long> AppointmentVersionAsync(SalonClient owner, string id) =>
        owner.CountAsync($"SELECT version FROM appointments WHERE id = '{id}' AND status = 'confirmed'");

    [Fact]
    public async Task Another_business_appointment_is_not_found()
    {
        var t = await TwoBusinessesAsync();

        await SalonClient.AssertProblem(await t.A.Http.GetAsync($"/v1/appointments/{t.AppointmentB}"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Another_business_appointment_cannot_be_cancelled()
    {
        var t = await TwoBusinessesAsync();

        await SalonClient.AssertProblem(await t.A.CancelAsync(t.AppointmentB), HttpStatusCode.NotFound, "not_found");

        Assert.Equal(1, await AppointmentVersionAsync(t.B, t.AppointmentB));
    }

    [Fact]
    public async Task Another_business_appointment_cannot_be_rescheduled()
    {
        var t = await TwoBusinessesAsync();

        await SalonClient.AssertProblem(await t.A.RescheduleAsync(t.AppointmentB, "2026-12-01T14:00:00Z"), HttpStatusCode.NotFound, "not_found");

        Assert.Equal(1, await AppointmentVersionAsync(t.B, t.AppointmentB));
    }

    [Fact]
    public async Task An_appointment_cannot_be_rescheduled_onto_another_business_staff()
    {
        var t = await TwoBusinessesAsync();
        var own = await t.A.BookedAsync(t.ServiceA, t.StaffA, "2026-12-01T10:00:00Z");

        await SalonClient.AssertProblem(await t.A.RescheduleAsync(own, "2026-12-01T14:00:00Z", t.StaffB), HttpStatusCode.NotFound, "not_found");

        Assert.Equal(1, await AppointmentVersionAsync(t.A, own));
    }

    [Fact]
    public async Task Listing_appointments_shows_only_the_business_own()
    {
        var t = await TwoBusinessesAsync();
        var own = await t.A.BookedAsync(t.ServiceA, t.StaffA, "2026-12-01T11:00:00Z");

        var all = await SalonClient.Json(await SalonClient.Ok(t.A.Http.GetAsync("/v1/appointments?from=2026-12-01&to=2026-12-01")));
        var ofB = await SalonClient.Json(await SalonClient.Ok(t.A.Http.GetAsync($"/v1/appointments?staffId={t.StaffB}&from=2026-12-01&to=2026-12-01")));

        Assert.Equal([own], SalonClient.Items(all).Select(a => a!["id"]!.GetValue<string>()));
        Assert.Empty(SalonClient.Items(ofB));
    }

    [Fact]
    public async Task Listing_staff_and_services_shows_only_the_business_own()
    {
        var t = await TwoBusinessesAsync();

        var staff = await SalonClient.Json(await SalonClient.Ok(t.A.Http.GetAsync("/v1/staff")));
        var services = await SalonClient.Json(await SalonClient.Ok(t.A.Http.GetAsync("/v1/services")));

        Assert.Equal([t.StaffA], SalonClient.Items(staff).Select(s => s!["id"]!.GetValue<string>()));
        Assert.Equal([t.ServiceA], SalonClient.Items(services).Select(s => s!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Another_business_staff_member_is_not_found_and_cannot_be_changed()
    {
        var t = await TwoBusinessesAsync();
        var week = new { days = new[] { new { weekday = "monday", intervals = new[] { new { start = "10:00", end = "11:00" } } } } };

        HttpResponseMessage[] responses =
        [
            await t.A.Http.GetAsync($"/v1/staff/{t.StaffB}"),
            await t.A.Http.PutAsJsonAsync($"/v1/staff/{t.StaffB}/working-hours", week),
            await t.A.Http.PutAsJsonAsync($"/v1/staff/{t.StaffB}/breaks", week),
            await t.A.Http.PostAsJsonAsync($"/v1/staff/{t.StaffB}/time-off", new { start = "2026-12-01T00:00:00Z", end = "2026-12-02T00:00:00Z" }),
            await t.A.Http.PutAsJsonAsync($"/v1/staff/{t.StaffB}/overrides/2026-12-01", new { intervals = Array.Empty<object>() }),
            await t.A.Http.DeleteAsync($"/v1/staff/{t.StaffB}/overrides/2026-12-01"),
            await t.A.Http.DeleteAsync($"/v1/staff/{t.StaffB}"),
        ];

        foreach (var response in responses) await SalonClient.AssertProblem(response, HttpStatusCode.NotFound, "not_found");
        Assert.Equal(1, await t.B.CountAsync("SELECT count(*) FROM staff WHERE business_id = @business AND active"));
        Assert.Equal(7, await t.B.CountAsync(
            "SELECT count(*) FROM weekly_ranges w JOIN staff s ON s.id = w.staff_id WHERE s.business_id = @business"));
        Assert.Equal(0, await t.B.CountAsync("SELECT count(*) FROM time_off o JOIN staff s ON s.id = o.staff_id WHERE s.business_id = @business"));
        Assert.Equal(0, await t.B.CountAsync("SELECT count(*) FROM date_overrides o JOIN staff s ON s.id = o.staff_id WHERE s.business_id = @business"));
    }

    [Fact]
    public async Task Another_business_time_off_cannot_be_deleted()
    {
        var t = await TwoBusinessesAsync();
        var timeOff = await SalonClient.Json(await SalonClient.Ok(t.B.Http.PostAsJsonAsync($"/v1/staff/{t.StaffB}/time-off",
            new { start = "2026-12-02T00:00:00Z", end = "2026-12-03T00:00:00Z" })));
        var id = timeOff["id"]!.GetValue<string>();

        await SalonClient.AssertProblem(await t.A.Http.DeleteAsync($"/v1/staff/{t.StaffB}/time-off/{id}"), HttpStatusCode.NotFound, "not_found");
        await SalonClient.AssertProblem(await t.A.Http.DeleteAsync($"/v1/staff/{t.StaffA}/time-off/{id}"), HttpStatusCode.NotFound, "not_found");

        Assert.Equal(1, await t.B.CountAsync($"SELECT count(*) FROM time_off WHERE id = '{id}'"));
    }

    [Fact]
    public async Task Another_business_service_is_not_found_and_cannot_be_changed()
    {
        var t = await TwoBusinessesAsync();
        var update = new { name = "Hijacked", durationMinutes = 90, bufferBeforeMinutes = 0, bufferAfterMinutes = 0, staff = Array.Empty<object>() };

        await SalonClient.AssertProblem(await t.A.Http.GetAsync($"/v1/services/{t.ServiceB}"), HttpStatusCode.NotFound, "not_found");
        await SalonClient.AssertProblem(await t.A.Http.PutAsJsonAsync($"/v1/services/{t.ServiceB}", update), HttpStatusCode.NotFound, "not_found");
        await SalonClient.AssertProblem(await t.A.Http.DeleteAsync($"/v1/services/{t.ServiceB}"), HttpStatusCode.NotFound, "not_found");

        var service = await SalonClient.Json(await SalonClient.Ok(t.B.Http.GetAsync($"/v1/services/{t.ServiceB}")));
        Assert.Equal(30, service["durationMinutes"]!.GetValue<int>());
        Assert.Single(service["staff"]!.AsArray());
    }

    [Fact]
    public async Task A_service_cannot_list_another_business_staff()
    {
        var t = await TwoBusinessesAsync();

        var response = await t.A.Http.PostAsJsonAsync("/v1/services", new
        {
            name = "Sneaky", durationMinutes = 30, bufferBeforeMinutes = 0, bufferAfterMinutes = 0, staff = new[] { new { staffId = t.StaffB } },
        });

        await SalonClient.AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(1, await t.A.CountAsync("SELECT count(*) FROM services WHERE business_id = @business"));
    }

    [Fact]
    public async Task Booking_another_business_service_or_staff_is_not_found()
    {
        var t = await TwoBusinessesAsync();

        await SalonClient.AssertProblem(await t.A.BookAsync(t.ServiceB, t.StaffB, "2026-12-01T11:00:00Z"), HttpStatusCode.NotFound, "not_found");
        await SalonClient.AssertProblem(await t.A.BookAsync(t.ServiceB, null, "2026-12-01T11:00:00Z"), HttpStatusCode.NotFound, "not_found");
        await SalonClient.AssertProblem(await t.A.BookAsync(t.ServiceA, t.StaffB, "2026-12-01T11:00:00Z"), HttpStatusCode.NotFound, "not_found");

        Assert.Equal(0, await t.A.CountAsync("SELECT count(*) FROM appointments WHERE business_id = @business"));
        Assert.Equal(1, await t.B.CountAsync("SELECT count(*) FROM appointments WHERE business_id = @business"));
    }

    [Fact]
    public async Task Availability_and_explain_of_another_business_are_not_found()
    {
        var t = await TwoBusinessesAsync();

        await SalonClient.AssertProblem(await t.A.Http.GetAsync($"/v1/availability?serviceId={t.ServiceB}&from=2026-12-01&to=2026-12-01"),
            HttpStatusCode.NotFound, "not_found");
        await SalonClient.AssertProblem(await t.A.Http.GetAsync($"/v1/availability?serviceId={t.ServiceA}&staffId={t.StaffB}&from=2026-12-01&to=2026-12-01"),
            HttpStatusCode.NotFound, "not_found");
        await SalonClient.AssertProblem(await t.A.Http.GetAsync(
            $"/v1/availability/explain?serviceId={t.ServiceB}&staffId={t.StaffB}&start=2026-12-01T10:00:00Z"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Changing_rules_changes_only_the_business_own()
    {
        var t = await TwoBusinessesAsync();

        await SalonClient.Ok(t.A.Http.PutAsJsonAsync("/v1/business/rules", new
        {
            slotIntervalMinutes = 30, leadTimeMinutes = 0, bookingWindowDays = 10, cancellationCutoffMinutes = 0,
            rescheduleCutoffMinutes = 0, holdTtlSeconds = 60,
        }));

        var rulesB = await SalonClient.Json(await SalonClient.Ok(t.B.Http.GetAsync("/v1/business/rules")));
        Assert.Equal(15, rulesB["slotIntervalMinutes"]!.GetValue<int>());
        Assert.Equal(60, rulesB["bookingWindowDays"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-key")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Requests_without_a_valid_business_key_are_unauthorized(string? authorization)
    {
        var t = await TwoBusinessesAsync();
        var client = Api.CreateClient();
        if (authorization is not null) client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        HttpResponseMessage[] responses =
        [
            await client.GetAsync("/v1/staff"),
            await client.GetAsync($"/v1/appointments/{t.AppointmentB}"),
            await client.GetAsync($"/v1/availability?serviceId={t.ServiceB}&from=2026-12-01&to=2026-12-01"),
            await client.PostAsJsonAsync("/v1/appointments", new { serviceId = t.ServiceB, staffId = t.StaffB, start = "2026-12-01T11:00:00Z", customer = new { name = "X" } }),
            await client.PostAsJsonAsync($"/v1/appointments/{t.AppointmentB}/cancel", new { }),
            await client.PostAsJsonAsync("/v1/staff", new { name = "Intruder" }),
            await client.PutAsJsonAsync("/v1/business/rules", new { slotIntervalMinutes = 30 }),
        ];

        foreach (var response in responses) await SalonClient.AssertProblem(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(1, await t.B.ConfirmedCountAsync());
        Assert.Equal(1, await t.B.CountAsync("SELECT count(*) FROM staff WHERE business_id = @business"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-admin-key")]
    [InlineData("")]
    public async Task Creating_a_business_without_the_admin_key_is_unauthorized(string? adminKey)
    {
        var client = Api.CreateClient();
        if (adminKey is not null) client.DefaultRequestHeaders.Add("X-Admin-Key", adminKey);
        var name = $"Unauthorized {Guid.NewGuid()}";

        var response = await client.PostAsJsonAsync("/v1/businesses", new { name, timeZone = "Europe/London" });

        await SalonClient.AssertProblem(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(0, await CountBusinessesNamedAsync(name));
    }

    [Fact]
    public async Task A_business_api_key_cannot_create_businesses()
    {
        var t = await TwoBusinessesAsync();
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", t.A.ApiKey);
        client.DefaultRequestHeaders.Add("X-Admin-Key", t.A.ApiKey);
        var name = $"Unauthorized {Guid.NewGuid()}";

        var response = await client.PostAsJsonAsync("/v1/businesses", new { name, timeZone = "Europe/London" });

        await SalonClient.AssertProblem(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(0, await CountBusinessesNamedAsync(name));
    }

    private async Task<long> CountBusinessesNamedAsync(string name)
    {
        var any = await NewSalonAsync();
        return await any.CountAsync($"SELECT count(*) FROM businesses WHERE name = '{name}'");
    }
}
