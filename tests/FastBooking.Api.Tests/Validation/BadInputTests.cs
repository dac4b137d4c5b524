using System.Net;
using System.Net.Http.Json;
using System.Text;
using FastBooking.Api.Tests.Support;

namespace FastBooking.Api.Tests.Validation;

/// <summary>Bad requests answer 4xx problem+json with a stable code, and write nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class BadInputTests(ApiFactory api) : ApiTest(api)
{
    private static Task<HttpResponseMessage> PostRawAsync(SalonClient salon, string path, string body, string contentType = "application/json") =>
        salon.Http.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

    private static Task<long> AppointmentsAsync(SalonClient salon) =>
        salon.CountAsync("SELECT count(*) FROM appointments WHERE business_id = @business");

    private static Task<long> ServicesAsync(SalonClient salon) =>
        salon.CountAsync("SELECT count(*) FROM services WHERE business_id = @business");

    private static async Task AssertFieldError(HttpResponseMessage response, string field)
    {
        var problem = await SalonClient.AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem["errors"]?[field] is not null, $"expected an error for '{field}': {problem.ToJsonString()}");
    }

    [Theory]
    [InlineData("tomorrow at ten")]
    [InlineData("2026-12-01 10:00")]
    [InlineData("2026-12-01T10:00:00")] // no offset: ambiguous
    [InlineData("2026-13-01T10:00:00Z")]
    [InlineData("")]
    public async Task Booking_with_a_malformed_start_is_rejected(string start)
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        await AssertFieldError(await salon.BookAsync(service, staff, start), "start");

        Assert.Equal(0, await AppointmentsAsync(salon));
    }

    [Fact]
    public async Task Booking_without_a_customer_is_rejected()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        var response = await salon.Http.PostAsJsonAsync("/v1/appointments", new { serviceId = service, staffId = staff, start = "2026-12-01T10:00:00Z" });

        await AssertFieldError(response, "customer");
        Assert.Equal(0, await AppointmentsAsync(salon));
    }

    [Fact]
    public async Task Booking_with_a_malformed_email_is_rejected()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        var response = await salon.Http.PostAsJsonAsync("/v1/appointments", new
        {
            serviceId = service, staffId = staff, start = "2026-12-01T10:00:00Z", customer = new { name = "Ann", email = "not an email" },
        });

        await AssertFieldError(response, "customer.email");
        Assert.Equal(0, await AppointmentsAsync(salon));
    }

    [Fact]
    public async Task Booking_without_a_body_is_rejected_as_unsupported_media_type()
    {
        var (salon, _, _) = await NewSalonWithServiceAsync();

        var response = await salon.Http.PostAsync("/v1/appointments", null);

        await SalonClient.AssertProblem(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        Assert.Equal(0, await AppointmentsAsync(salon));
    }

    [Fact]
    public async Task Working_hours_without_a_body_are_rejected_as_unsupported_media_type()
    {
        var (salon, staff, _) = await NewSalonWithServiceAsync();

        var response = await salon.Http.PutAsync($"/v1/staff/{staff}/working-hours", null);

        await SalonClient.AssertProblem(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        Assert.Equal(7, await salon.CountAsync($"SELECT count(*) FROM weekly_ranges WHERE staff_id = '{staff}'"));
    }

    [Fact]
    public async Task Booking_with_an_empty_json_body_is_rejected()
    {
        var (salon, _, _) = await NewSalonWithServiceAsync();

        var response = await PostRawAsync(salon, "/v1/appointments", "{}");

        var problem = await SalonClient.AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotNull(problem["errors"]!["serviceId"]);
        Assert.NotNull(problem["errors"]!["start"]);
        Assert.Equal(0, await AppointmentsAsync(salon));
    }

    [Fact]
    public async Task Booking_with_malformed_json_is_rejected()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        var response = await PostRawAsync(salon, "/v1/appointments", $"{{\"serviceId\": \"{service}\", \"staffId\": \"{staff}\", \"start\": ");

        await SalonClient.AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(0, await AppointmentsAsync(salon));
    }

    [Fact]
    public async Task Booking_with_wrong_json_types_is_rejected()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        var response = await PostRawAsync(salon, "/v1/appointments",
            $"{{\"serviceId\": \"{service}\", \"staffId\": \"{staff}\", \"start\": 1764583200, \"customer\": \"Ann\"}}");

        await SalonClient.AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(0, await AppointmentsAsync(salon));
    }

    [Fact]
    public async Task Booking_with_a_body_over_64_KiB_is_refused_as_too_large()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        // The limit is Kestrel's (the in-memory test server has none): this one test runs the API on a real socket.
        await using var kestrel = Api.WithWebHostBuilder(_ => { });
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        var http = kestrel.CreateClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", salon.ApiKey);

        var response = await http.PostAsJsonAsync("/v1/appointments", new
        {
            serviceId = service, staffId = staff, start = "2026-12-01T10:00:00Z", customer = new { name = "Ann" },
            padding = new string('x', 65 * 1024),
        });

        await SalonClient.AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Equal(0, await AppointmentsAsync(salon));
    }

    [Fact]
    public async Task Booking_with_an_overlong_note_is_rejected()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        var response = await salon.Http.PostAsJsonAsync("/v1/appointments", new
        {
            serviceId = service, staffId = staff, start = "2026-12-01T10:00:00Z", customer = new { name = "Ann" }, notes = new string('x', 2001),
        });

        await AssertFieldError(response, "notes");
        Assert.Equal(0, await AppointmentsAsync(salon));
    }

    [Fact]
    public async Task Booking_a_start_off_the_slot_grid_is_refused()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        await SalonClient.AssertProblem(await salon.BookAsync(service, staff, "2026-12-01T10:07:00Z"), HttpStatusCode.UnprocessableEntity, "off_grid");

        Assert.Equal(0, await AppointmentsAsync(salon));
    }

    [Fact]
    public async Task Booking_within_the_lead_time_is_refused()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync(); // now 12:00, lead time 60 min

        await SalonClient.AssertProblem(await salon.BookAsync(service, staff, "2026-11-24T12:45:00Z"), HttpStatusCode.UnprocessableEntity, "lead_time");

        Assert.Equal(0, await AppointmentsAsync(salon));
    }

    [Fact]
    public async Task Booking_exactly_at_the_lead_time_is_allowed()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        Assert.Equal(HttpStatusCode.Created, (await salon.BookAsync(service, staff, "2026-11-24T13:00:00Z")).StatusCode);
    }

    [Fact]
    public async Task Booking_in_the_past_is_refused()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        await SalonClient.AssertProblem(await salon.BookAsync(service, staff, "2026-11-20T10:00:00Z"), HttpStatusCode.UnprocessableEntity, "lead_time");

        Assert.Equal(0, await AppointmentsAsync(salon));
    }

    [Fact]
    public async Task Booking_beyond_the_booking_window_is_refused()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync(); // window 60 days: latest start 2027-01-23T12:00Z

        await SalonClient.AssertProblem(await salon.BookAsync(service, staff, "2027-01-23T12:15:00Z"), HttpStatusCode.UnprocessableEntity, "booking_window");

        Assert.Equal(0, await AppointmentsAsync(salon));
    }

    [Theory]
    [InlineData("2026-12-01T08:30:00Z")] // before opening
    [InlineData("2026-12-01T16:45:00Z")] // ends after closing
    [InlineData("2026-12-01T17:00:00Z")] // at closing
    public async Task Booking_outside_working_hours_is_refused(string start)
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        await SalonClient.AssertProblem(await salon.BookAsync(service, staff, start), HttpStatusCode.UnprocessableEntity, "outside_open_time");

        Assert.Equal(0, await AppointmentsAsync(salon));
    }

    [Fact]
    public async Task Booking_a_staff_member_who_does_not_perform_the_service_is_refused()
    {
        var (salon, _, service) = await NewSalonWithServiceAsync();
        var other = await salon.AddStaffAsync("Other");

        await SalonClient.AssertProblem(await salon.BookAsync(service, other, "2026-12-01T10:00:00Z"), HttpStatusCode.UnprocessableEntity, "service_not_offered");

        Assert.Equal(0, await AppointmentsAsync(salon));
    }

    [Fact]
    public async Task Booking_an_unknown_service_or_staff_member_is_not_found()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var unknown = Guid.NewGuid().ToString();

        await SalonClient.AssertProblem(await salon.BookAsync(unknown, staff, "2026-12-01T10:00:00Z"), HttpStatusCode.NotFound, "not_found");
        await SalonClient.AssertProblem(await salon.BookAsync(service, unknown, "2026-12-01T10:00:00Z"), HttpStatusCode.NotFound, "not_found");

        Assert.Equal(0, await AppointmentsAsync(salon));
    }

    [Fact]
    public async Task Booking_with_a_malformed_service_id_is_rejected()
    {
        var (salon, staff, _) = await NewSalonWithServiceAsync();

        await AssertFieldError(await salon.BookAsync("not-a-guid", staff, "2026-12-01T10:00:00Z"), "serviceId");

        Assert.Equal(0, await AppointmentsAsync(salon));
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "/cancel")]
    [InlineData("POST", "/reschedule")]
    public async Task Unknown_or_malformed_appointment_ids_are_not_found(string method, string suffix)
    {
        var (salon, _, _) = await NewSalonWithServiceAsync();

        foreach (var id in new[] { Guid.NewGuid().ToString(), "not-an-id" })
        {
            var body = method == "GET" ? null : new { start = "2026-12-01T10:00:00Z" };
            var response = await salon.SendAsync(new HttpMethod(method), $"/v1/appointments/{id}{suffix}", body);
            await SalonClient.AssertProblem(response, HttpStatusCode.NotFound, "not_found");
        }
    }

    [Fact]
    public async Task Unknown_routes_answer_problem_json_not_found()
    {
        var (salon, _, _) = await NewSalonWithServiceAsync();

        await SalonClient.AssertProblem(await salon.Http.GetAsync("/v1/no-such-thing"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Rescheduling_to_a_malformed_start_is_rejected()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var id = await salon.BookedAsync(service, staff, "2026-12-01T10:00:00Z");

        await AssertFieldError(await salon.RescheduleAsync(id, "2026-12-01"), "start");

        Assert.Equal(1, await salon.CountAsync($"SELECT version FROM appointments WHERE id = '{id}'"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    [InlineData(1441)]
    public async Task A_service_with_a_non_positive_or_too_long_duration_is_rejected(int minutes)
    {
        var (salon, staff, _) = await NewSalonWithServiceAsync();

        var response = await salon.Http.PostAsJsonAsync("/v1/services", new
        {
            name = "Bad", durationMinutes = minutes, bufferBeforeMinutes = 0, bufferAfterMinutes = 0, staff = new[] { new { staffId = staff } },
        });

        await AssertFieldError(response, "durationMinutes");
        Assert.Equal(1, await ServicesAsync(salon));
    }

    [Fact]
    public async Task A_service_with_negative_buffers_is_rejected()
    {
        var (salon, staff, _) = await NewSalonWithServiceAsync();

        var response = await salon.Http.PostAsJsonAsync("/v1/services", new
        {
            name = "Bad", durationMinutes = 30, bufferBeforeMinutes = -5, bufferAfterMinutes = -1, staff = new[] { new { staffId = staff } },
        });

        await AssertFieldError(response, "bufferBeforeMinutes");
        Assert.Equal(1, await ServicesAsync(salon));
    }

    [Fact]
    public async Task A_service_with_a_zero_staff_specific_duration_is_rejected()
    {
        var (salon, staff, _) = await NewSalonWithServiceAsync();

        var response = await salon.Http.PostAsJsonAsync("/v1/services", new
        {
            name = "Bad", durationMinutes = 30, bufferBeforeMinutes = 0, bufferAfterMinutes = 0,
            staff = new[] { new { staffId = staff, durationMinutes = 0 } },
        });

        await SalonClient.AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(1, await ServicesAsync(salon));
    }

    [Fact]
    public async Task A_service_with_a_duration_of_the_wrong_type_is_rejected()
    {
        var (salon, staff, _) = await NewSalonWithServiceAsync();

        var response = await PostRawAsync(salon, "/v1/services",
            $"{{\"name\": \"Bad\", \"durationMinutes\": \"thirty\", \"staff\": [{{\"staffId\": \"{staff}\"}}]}}");

        await SalonClient.AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(1, await ServicesAsync(salon));
    }

    [Fact]
    public async Task A_service_with_a_null_staff_entry_is_rejected()
    {
        var (salon, _, _) = await NewSalonWithServiceAsync();

        var response = await PostRawAsync(salon, "/v1/services", "{\"name\": \"Bad\", \"durationMinutes\": 30, \"staff\": [null]}");

        await SalonClient.AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(1, await ServicesAsync(salon));
    }

    [Fact]
    public async Task Creating_a_business_with_an_unknown_time_zone_is_rejected()
    {
        var admin = Api.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Admin-Key", ApiFactory.AdminKey);
        var name = $"Bad zone {Guid.NewGuid()}";

        var response = await admin.PostAsJsonAsync("/v1/businesses", new { name, timeZone = "Mars/Olympus_Mons" });

        await AssertFieldError(response, "timeZone");
        var (salon, _, _) = await NewSalonWithServiceAsync();
        Assert.Equal(0, await salon.CountAsync($"SELECT count(*) FROM businesses WHERE name = '{name}'"));
    }

    [Fact]
    public async Task Creating_a_business_with_bad_rules_is_rejected()
    {
        var admin = Api.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Admin-Key", ApiFactory.AdminKey);
        var name = $"Bad rules {Guid.NewGuid()}";

        var response = await admin.PostAsJsonAsync("/v1/businesses", new
        {
            name, timeZone = "Europe/Paris",
            rules = new { slotIntervalMinutes = 7, leadTimeMinutes = 60, bookingWindowDays = 60, cancellationCutoffMinutes = 0, rescheduleCutoffMinutes = 0, holdTtlSeconds = 300 },
        });

        await SalonClient.AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed");
        var (salon, _, _) = await NewSalonWithServiceAsync();
        Assert.Equal(0, await salon.CountAsync($"SELECT count(*) FROM businesses WHERE name = '{name}'"));
    }

    [Theory]
    [InlineData("from=2026-12-01&to=2026-12-31T00:00", "to")]
    [InlineData("from=01/12/2026&to=2026-12-07", "from")]
    [InlineData("from=2026-12-07&to=2026-12-01", "to")] // to before from
    [InlineData("from=2026-12-01&to=2027-01-01", "to")] // 32 days
    [InlineData("to=2026-12-07", "from")]
    [InlineData("from=2026-12-01&to=2026-12-07&timeZone=Nowhere/Special", "timeZone")]
    public async Task Availability_with_bad_dates_range_or_zone_is_rejected(string query, string field)
    {
        var (salon, _, service) = await NewSalonWithServiceAsync();

        await AssertFieldError(await salon.Http.GetAsync($"/v1/availability?serviceId={service}&{query}"), field);
    }

    [Fact]
    public async Task Availability_over_exactly_31_days_is_allowed()
    {
        var (salon, _, service) = await NewSalonWithServiceAsync();

        await SalonClient.Ok(salon.Http.GetAsync($"/v1/availability?serviceId={service}&from=2026-12-01&to=2026-12-31"));
    }

    [Fact]
    public async Task Availability_of_an_unknown_service_is_not_found()
    {
        var (salon, _, _) = await NewSalonWithServiceAsync();

        await SalonClient.AssertProblem(await salon.Http.GetAsync($"/v1/availability?serviceId={Guid.NewGuid()}&from=2026-12-01&to=2026-12-01"),
            HttpStatusCode.NotFound, "not_found");
        await SalonClient.AssertProblem(await salon.Http.GetAsync("/v1/availability?serviceId=nope&from=2026-12-01&to=2026-12-01"),
            HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Explain_with_a_malformed_start_is_rejected()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        await AssertFieldError(await salon.Http.GetAsync($"/v1/availability/explain?serviceId={service}&staffId={staff}&start=noon"), "start");
    }

    [Theory]
    [InlineData("{\"days\": [{\"weekday\": \"funday\", \"intervals\": [{\"start\": \"09:00\", \"end\": \"17:00\"}]}]}")]
    [InlineData("{\"days\": [{\"weekday\": \"monday\", \"intervals\": [{\"start\": \"17:00\", \"end\": \"09:00\"}]}]}")]
    [InlineData("{\"days\": [{\"weekday\": \"monday\", \"intervals\": [{\"start\": \"9am\", \"end\": \"17:00\"}]}]}")]
    [InlineData("{\"days\": [{\"weekday\": \"monday\", \"intervals\": [{\"start\": \"09:00\", \"end\": \"13:00\"}, {\"start\": \"12:00\", \"end\": \"17:00\"}]}]}")]
    [InlineData("{\"days\": [{\"weekday\": \"monday\", \"intervals\": []}, {\"weekday\": \"Monday\", \"intervals\": []}]}")]
    [InlineData("{\"days\": [{\"weekday\": \"monday\"}]}")]
    [InlineData("{\"days\": [null]}")]
    [InlineData("{\"days\": [{\"weekday\": \"monday\", \"intervals\": [null]}]}")]
    [InlineData("{}")]
    [InlineData("{\"days\": \"monday\"}")]
    public async Task Working_hours_that_are_not_a_valid_week_are_rejected_and_keep_the_old_week(string body)
    {
        var (salon, staff, _) = await NewSalonWithServiceAsync();

        var response = await salon.Http.PutAsync($"/v1/staff/{staff}/working-hours", new StringContent(body, Encoding.UTF8, "application/json"));

        await SalonClient.AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(7, await salon.CountAsync($"SELECT count(*) FROM weekly_ranges WHERE staff_id = '{staff}'"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"intervals\": [{\"start\": \"10:00\", \"end\": \"25:00\"}]}")]
    [InlineData("{\"intervals\": [null]}")]
    public async Task Overrides_that_are_not_a_valid_day_are_rejected(string body)
    {
        var (salon, staff, _) = await NewSalonWithServiceAsync();

        var response = await salon.Http.PutAsync($"/v1/staff/{staff}/overrides/2026-12-01", new StringContent(body, Encoding.UTF8, "application/json"));

        await SalonClient.AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(0, await salon.CountAsync($"SELECT count(*) FROM date_overrides WHERE staff_id = '{staff}'"));
    }

    [Fact]
    public async Task An_override_for_a_malformed_date_is_rejected()
    {
        var (salon, staff, _) = await NewSalonWithServiceAsync();

        var response = await salon.Http.PutAsJsonAsync($"/v1/staff/{staff}/overrides/01-12-2026", new { intervals = Array.Empty<object>() });

        await AssertFieldError(response, "date");
        Assert.Equal(0, await salon.CountAsync($"SELECT count(*) FROM date_overrides WHERE staff_id = '{staff}'"));
    }

    [Theory]
    [InlineData("2026-12-02T00:00:00Z", "2026-12-01T00:00:00Z")]
    [InlineData("2026-12-01T00:00:00Z", "2026-12-01T00:00:00Z")]
    [InlineData("2026-12-01", "2026-12-02")]
    public async Task Time_off_that_is_not_a_forward_instant_range_is_rejected(string start, string end)
    {
        var (salon, staff, _) = await NewSalonWithServiceAsync();

        var response = await salon.Http.PostAsJsonAsync($"/v1/staff/{staff}/time-off", new { start, end });

        await SalonClient.AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(0, await salon.CountAsync($"SELECT count(*) FROM time_off WHERE staff_id = '{staff}'"));
    }

    [Fact]
    public async Task Staff_without_a_name_is_rejected()
    {
        var (salon, _, _) = await NewSalonWithServiceAsync();

        await AssertFieldError(await salon.Http.PostAsJsonAsync("/v1/staff", new { name = "" }), "name");

        Assert.Equal(1, await salon.CountAsync("SELECT count(*) FROM staff WHERE business_id = @business"));
    }

    [Fact]
    public async Task Json_sent_as_another_media_type_is_rejected()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        var response = await PostRawAsync(salon, "/v1/appointments",
            $"{{\"serviceId\": \"{service}\", \"staffId\": \"{staff}\", \"start\": \"2026-12-01T10:00:00Z\", \"customer\": {{\"name\": \"Ann\"}}}}",
            "text/plain");

        Assert.InRange((int)response.StatusCode, 400, 415);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await AppointmentsAsync(salon));
    }

    [Theory]
    [InlineData("from=2026-12-01")]
    [InlineData("from=2026-12-01&to=2027-03-05")] // 95 days
    [InlineData("from=2026-12-01&to=2026-12-07&staffId=nobody")]
    public async Task Listing_appointments_with_bad_dates_or_staff_is_rejected(string query)
    {
        var (salon, _, _) = await NewSalonWithServiceAsync();

        await SalonClient.AssertProblem(await salon.Http.GetAsync($"/v1/appointments?{query}"), HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Creating_a_business_with_an_overlong_name_is_rejected()
    {
        var admin = Api.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Admin-Key", ApiFactory.AdminKey);

        var response = await admin.PostAsJsonAsync("/v1/businesses", new { name = new string('n', 201), timeZone = "Europe/London" });

        await AssertFieldError(response, "name");
    }
}
