using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FastBooking.Api.Tests.Support;

namespace FastBooking.Api.Tests.Setup;

/// <summary>Setting up a salon through the admin endpoints, checked through what availability and booking then do.</summary>
[Collection(ApiCollection.Name)]
public sealed class SetupApiTests(ApiFactory api) : ApiTest(api)
{
    private const string Tuesday = "2026-12-01";
    private const string Monday = "2026-11-30";

    private static object Week(params (string Day, string Start, string End)[] ranges) => new
    {
        days = ranges.GroupBy(r => r.Day).Select(g => new { weekday = g.Key, intervals = g.Select(r => new { start = r.Start, end = r.End }) }),
    };

    private static object EveryDay(string start, string end) =>
        Week(new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }.Select(d => (d, start, end)).ToArray());

    private static async Task<List<string>> StartsAsync(SalonClient salon, string service, string day, string? staff = null) =>
        SalonClient.Starts(await salon.AvailabilityAsync(service, day, day, staff));

    private static async Task<HttpStatusCode> StatusAsync(Task<HttpResponseMessage> call) => (await call).StatusCode;

    [Fact]
    public async Task Creating_a_business_returns_its_api_key_and_the_default_rules()
    {
        var admin = Api.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Admin-Key", ApiFactory.AdminKey);

        var response = await admin.PostAsJsonAsync("/v1/businesses", new { name = "Chez Anne", timeZone = "Europe/Paris" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await SalonClient.Json(response);
        Assert.Equal("Chez Anne", body["name"]!.GetValue<string>());
        Assert.Equal("Europe/Paris", body["timeZone"]!.GetValue<string>());
        var rules = body["rules"]!;
        Assert.Equal(15, rules["slotIntervalMinutes"]!.GetValue<int>());
        Assert.Equal(60, rules["leadTimeMinutes"]!.GetValue<int>());
        Assert.Equal(60, rules["bookingWindowDays"]!.GetValue<int>());
        Assert.Equal(1440, rules["cancellationCutoffMinutes"]!.GetValue<int>());
        Assert.Equal(1440, rules["rescheduleCutoffMinutes"]!.GetValue<int>());
        Assert.Equal(300, rules["holdTtlSeconds"]!.GetValue<int>());
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body["apiKey"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/staff")).StatusCode);
    }

    [Fact]
    public async Task Api_keys_are_stored_only_hashed()
    {
        var (salon, _, _) = await NewSalonWithServiceAsync();

        Assert.Equal(1, await salon.CountAsync("SELECT count(*) FROM api_keys WHERE business_id = @business"));
        Assert.Equal(0, await salon.CountAsync(
            $"SELECT count(*) FROM api_keys WHERE business_id = @business AND position(convert_to('{salon.ApiKey}', 'UTF8') in key_hash) > 0"));
    }

    [Fact]
    public async Task Creating_a_business_with_rules_uses_them()
    {
        var salon = await NewSalonAsync(rules: new
        {
            slotIntervalMinutes = 60, leadTimeMinutes = 0, bookingWindowDays = 30, cancellationCutoffMinutes = 0,
            rescheduleCutoffMinutes = 0, holdTtlSeconds = 60,
        });
        var staff = await salon.AddStaffAsync();
        var service = await salon.AddServiceAsync([staff]);

        var starts = await StartsAsync(salon, service, Tuesday, staff);

        Assert.Equal(8, starts.Count); // 09:00 … 16:00 hourly
        Assert.Equal(60, (await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync("/v1/business/rules"))))["slotIntervalMinutes"]!.GetValue<int>());
    }

    [Fact]
    public async Task Staff_can_be_created_read_and_listed()
    {
        var (salon, staff, _) = await NewSalonWithServiceAsync();

        var created = await SalonClient.Ok(salon.Http.PostAsJsonAsync("/v1/staff", new { name = "Bea" }));
        var bea = await SalonClient.Json(created);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Bea", bea["name"]!.GetValue<string>());
        var read = await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync($"/v1/staff/{bea["id"]}")));
        Assert.Equal("Bea", read["name"]!.GetValue<string>());
        var list = await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync("/v1/staff")));
        Assert.Equal(new[] { staff, bea["id"]!.GetValue<string>() }.Order(), SalonClient.Items(list).Select(s => s!["id"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Putting_working_hours_replaces_the_whole_week()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        var response = await SalonClient.Json(await SalonClient.Ok(salon.Http.PutAsJsonAsync($"/v1/staff/{staff}/working-hours",
            Week(("monday", "10:00", "12:00")))));

        Assert.Equal("monday", response["days"]![0]!["weekday"]!.GetValue<string>());
        Assert.Empty(await StartsAsync(salon, service, Tuesday, staff)); // left out: a day off
        var monday = await StartsAsync(salon, service, Monday, staff);
        Assert.Equal(["2026-11-30T10:00:00+00:00", "2026-11-30T10:15:00+00:00", "2026-11-30T10:30:00+00:00",
            "2026-11-30T10:45:00+00:00", "2026-11-30T11:00:00+00:00", "2026-11-30T11:15:00+00:00", "2026-11-30T11:30:00+00:00"], monday);
        Assert.Equal(1, await salon.CountAsync($"SELECT count(*) FROM weekly_ranges WHERE staff_id = '{staff}' AND kind = 'working'"));
    }

    [Fact]
    public async Task Split_shifts_leave_the_gap_unbookable()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        await SalonClient.Ok(salon.Http.PutAsJsonAsync($"/v1/staff/{staff}/working-hours",
            Week(("tuesday", "14:00", "17:00"), ("tuesday", "09:00", "12:00"))));

        var starts = await StartsAsync(salon, service, Tuesday, staff);
        Assert.Contains("2026-12-01T11:30:00+00:00", starts);
        Assert.DoesNotContain("2026-12-01T11:45:00+00:00", starts);
        Assert.DoesNotContain("2026-12-01T13:45:00+00:00", starts);
        Assert.Contains("2026-12-01T14:00:00+00:00", starts);
        await SalonClient.AssertProblem(await salon.BookAsync(service, staff, "2026-12-01T12:30:00Z"), HttpStatusCode.UnprocessableEntity, "outside_open_time");
    }

    [Fact]
    public async Task Breaks_hide_their_time_and_an_empty_week_removes_them()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        await SalonClient.Ok(salon.Http.PutAsJsonAsync($"/v1/staff/{staff}/breaks", EveryDay("12:00", "13:00")));
        var withBreak = await StartsAsync(salon, service, Tuesday, staff);
        await SalonClient.Ok(salon.Http.PutAsJsonAsync($"/v1/staff/{staff}/breaks", new { days = Array.Empty<object>() }));
        var withoutBreak = await StartsAsync(salon, service, Tuesday, staff);

        Assert.Contains("2026-12-01T11:30:00+00:00", withBreak);
        Assert.DoesNotContain("2026-12-01T11:45:00+00:00", withBreak);
        Assert.DoesNotContain("2026-12-01T12:30:00+00:00", withBreak);
        Assert.Contains("2026-12-01T13:00:00+00:00", withBreak);
        Assert.Equal(31, withoutBreak.Count);
    }

    [Fact]
    public async Task Time_off_hides_its_slots_and_deleting_it_brings_them_back()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        var created = await SalonClient.Ok(salon.Http.PostAsJsonAsync($"/v1/staff/{staff}/time-off",
            new { start = "2026-12-01T09:00:00Z", end = "2026-12-01T13:00:00Z", reason = "dentist" }));
        var timeOff = await SalonClient.Json(created);
        var during = await StartsAsync(salon, service, Tuesday, staff);
        Assert.Equal(HttpStatusCode.NoContent, await StatusAsync(salon.Http.DeleteAsync($"/v1/staff/{staff}/time-off/{timeOff["id"]}")));
        var after = await StartsAsync(salon, service, Tuesday, staff);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("2026-12-01T09:00:00+00:00", timeOff["start"]!.GetValue<string>());
        Assert.Equal("dentist", timeOff["reason"]!.GetValue<string>());
        Assert.Equal("2026-12-01T13:00:00+00:00", during[0]);
        Assert.Equal(31, after.Count);
        await SalonClient.AssertProblem(await salon.Http.DeleteAsync($"/v1/staff/{staff}/time-off/{timeOff["id"]}"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Time_off_over_whole_days_closes_them()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        await SalonClient.Ok(salon.Http.PostAsJsonAsync($"/v1/staff/{staff}/time-off",
            new { start = "2026-12-01T00:00:00Z", end = "2026-12-03T00:00:00Z", reason = "holiday" }));

        var availability = await salon.AvailabilityAsync(service, "2026-11-30", "2026-12-03", staff);
        var days = SalonClient.Starts(availability).Select(s => s[..10]).Distinct();
        Assert.Equal(["2026-11-30", "2026-12-03"], days);
    }

    [Fact]
    public async Task An_override_replaces_that_day_hours_until_it_is_deleted()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        var put = await SalonClient.Json(await SalonClient.Ok(salon.Http.PutAsJsonAsync($"/v1/staff/{staff}/overrides/{Tuesday}",
            new { intervals = new[] { new { start = "18:00", end = "19:00" } } })));
        var overridden = await StartsAsync(salon, service, Tuesday, staff);
        var otherDay = await StartsAsync(salon, service, "2026-12-02", staff);
        Assert.Equal(HttpStatusCode.NoContent, await StatusAsync(salon.Http.DeleteAsync($"/v1/staff/{staff}/overrides/{Tuesday}")));
        var restored = await StartsAsync(salon, service, Tuesday, staff);

        Assert.Equal(Tuesday, put["date"]!.GetValue<string>());
        Assert.Equal(["2026-12-01T18:00:00+00:00", "2026-12-01T18:15:00+00:00", "2026-12-01T18:30:00+00:00"], overridden);
        Assert.Equal(31, otherDay.Count);
        Assert.Equal(31, restored.Count);
    }

    [Fact]
    public async Task A_closed_override_gives_no_slots_and_refuses_bookings()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        await SalonClient.Ok(salon.Http.PutAsJsonAsync($"/v1/staff/{staff}/overrides/{Tuesday}", new { intervals = Array.Empty<object>() }));

        Assert.Empty(await StartsAsync(salon, service, Tuesday, staff));
        await SalonClient.AssertProblem(await salon.BookAsync(service, staff, "2026-12-01T10:00:00Z"), HttpStatusCode.UnprocessableEntity, "outside_open_time");
    }

    [Fact]
    public async Task Putting_an_override_twice_keeps_the_last()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        await SalonClient.Ok(salon.Http.PutAsJsonAsync($"/v1/staff/{staff}/overrides/{Tuesday}", new { intervals = Array.Empty<object>() }));
        await SalonClient.Ok(salon.Http.PutAsJsonAsync($"/v1/staff/{staff}/overrides/{Tuesday}",
            new { intervals = new[] { new { start = "10:00", end = "10:30" } } }));

        Assert.Equal(["2026-12-01T10:00:00+00:00"], await StartsAsync(salon, service, Tuesday, staff));
        Assert.Equal(1, await salon.CountAsync($"SELECT count(*) FROM date_overrides WHERE staff_id = '{staff}'"));
    }

    [Fact]
    public async Task Deleting_a_missing_override_is_not_found()
    {
        var (salon, staff, _) = await NewSalonWithServiceAsync();

        await SalonClient.AssertProblem(await salon.Http.DeleteAsync($"/v1/staff/{staff}/overrides/{Tuesday}"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Services_can_be_created_read_updated_listed_and_deleted()
    {
        var (salon, staff, _) = await NewSalonWithServiceAsync();

        var created = await SalonClient.Ok(salon.Http.PostAsJsonAsync("/v1/services", new
        {
            name = "Colour", durationMinutes = 90, bufferBeforeMinutes = 5, bufferAfterMinutes = 10, price = 65.5m,
            staff = new[] { new { staffId = staff, durationMinutes = (int?)120 } },
        }));
        var id = (await SalonClient.Json(created))["id"]!.GetValue<string>();
        var read = await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync($"/v1/services/{id}")));
        var updated = await SalonClient.Json(await SalonClient.Ok(salon.Http.PutAsJsonAsync($"/v1/services/{id}", new
        {
            name = "Colour & cut", durationMinutes = 60, bufferBeforeMinutes = 0, bufferAfterMinutes = 0,
            staff = new[] { new { staffId = staff, durationMinutes = (int?)null } },
        })));
        var listed = await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync("/v1/services")));
        var deleted = await salon.Http.DeleteAsync($"/v1/services/{id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Colour", read["name"]!.GetValue<string>());
        Assert.Equal(90, read["durationMinutes"]!.GetValue<int>());
        Assert.Equal(65.5m, read["price"]!.GetValue<decimal>());
        Assert.Equal(120, read["staff"]![0]!["durationMinutes"]!.GetValue<int>());
        Assert.Equal("Colour & cut", updated["name"]!.GetValue<string>());
        Assert.Equal(60, updated["durationMinutes"]!.GetValue<int>());
        Assert.Null(updated["staff"]![0]!["durationMinutes"]);
        Assert.Contains(id, SalonClient.Items(listed).Select(s => s!["id"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await SalonClient.AssertProblem(await salon.Http.GetAsync($"/v1/services/{id}"), HttpStatusCode.NotFound, "not_found");
        var after = await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync("/v1/services")));
        Assert.DoesNotContain(id, SalonClient.Items(after).Select(s => s!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Updating_a_service_changes_its_slots()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        await SalonClient.Ok(salon.Http.PutAsJsonAsync($"/v1/services/{service}", new
        {
            name = "Long", durationMinutes = 120, bufferBeforeMinutes = 0, bufferAfterMinutes = 0, staff = new[] { new { staffId = staff } },
        }));

        var availability = await salon.AvailabilityAsync(service, Tuesday, Tuesday, staff);
        Assert.Equal("2026-12-01T15:00:00+00:00", SalonClient.Starts(availability)[^1]);
        Assert.Equal("2026-12-01T11:00:00+00:00", availability["slots"]![0]!["end"]!.GetValue<string>());
    }

    [Fact]
    public async Task Updating_a_service_staff_list_replaces_who_performs_it()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var other = await salon.AddStaffAsync("Other");

        await SalonClient.Ok(salon.Http.PutAsJsonAsync($"/v1/services/{service}", new
        {
            name = "Cut", durationMinutes = 30, bufferBeforeMinutes = 0, bufferAfterMinutes = 0, staff = new[] { new { staffId = other } },
        }));

        var availability = await salon.AvailabilityAsync(service, Tuesday, Tuesday);
        Assert.All(availability["slots"]!.AsArray(), s => Assert.Equal([other], s!["staffIds"]!.AsArray().Select(i => i!.GetValue<string>())));
        await SalonClient.AssertProblem(await salon.BookAsync(service, staff, "2026-12-01T10:00:00Z"), HttpStatusCode.UnprocessableEntity, "service_not_offered");
    }

    [Fact]
    public async Task A_deleted_service_can_no_longer_be_booked_but_its_appointments_stay()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var id = await salon.BookedAsync(service, staff, "2026-12-01T10:00:00Z");

        Assert.Equal(HttpStatusCode.NoContent, await StatusAsync(salon.Http.DeleteAsync($"/v1/services/{service}")));

        await SalonClient.AssertProblem(await salon.BookAsync(service, staff, "2026-12-01T11:00:00Z"), HttpStatusCode.NotFound, "not_found");
        await SalonClient.AssertProblem(await salon.Http.GetAsync($"/v1/availability?serviceId={service}&from={Tuesday}&to={Tuesday}"),
            HttpStatusCode.NotFound, "not_found");
        Assert.Equal("confirmed", (await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync($"/v1/appointments/{id}"))))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_deleted_staff_member_leaves_availability_and_cannot_be_booked()
    {
        var (salon, staff, _) = await NewSalonWithServiceAsync();
        var other = await salon.AddStaffAsync("Other");
        var service = await salon.AddServiceAsync([staff, other]);

        Assert.Equal(HttpStatusCode.NoContent, await StatusAsync(salon.Http.DeleteAsync($"/v1/staff/{staff}")));

        var availability = await salon.AvailabilityAsync(service, Tuesday, Tuesday);
        Assert.All(availability["slots"]!.AsArray(), s => Assert.Equal([other], s!["staffIds"]!.AsArray().Select(i => i!.GetValue<string>())));
        await SalonClient.AssertProblem(await salon.BookAsync(service, staff, "2026-12-01T10:00:00Z"), HttpStatusCode.NotFound, "not_found");
        await SalonClient.AssertProblem(await salon.Http.GetAsync($"/v1/staff/{staff}"), HttpStatusCode.NotFound, "not_found");
        var list = await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync("/v1/staff")));
        Assert.Equal([other], SalonClient.Items(list).Select(s => s!["id"]!.GetValue<string>()));
        var any = await SalonClient.Json(await SalonClient.Ok(salon.BookAsync(service, null, "2026-12-01T10:00:00Z")));
        Assert.Equal(other, any["staffId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rules_can_be_read_and_replaced()
    {
        var (salon, _, _) = await NewSalonWithServiceAsync();
        var rules = new
        {
            slotIntervalMinutes = 30, leadTimeMinutes = 120, bookingWindowDays = 14, cancellationCutoffMinutes = 60,
            rescheduleCutoffMinutes = 30, holdTtlSeconds = 120,
        };

        var put = await SalonClient.Json(await SalonClient.Ok(salon.Http.PutAsJsonAsync("/v1/business/rules", rules)));
        var read = await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync("/v1/business/rules")));

        Assert.Equal(put.ToJsonString(), read.ToJsonString());
        Assert.Equal(30, read["slotIntervalMinutes"]!.GetValue<int>());
        Assert.Equal(120, read["leadTimeMinutes"]!.GetValue<int>());
        Assert.Equal(14, read["bookingWindowDays"]!.GetValue<int>());
        Assert.Equal(60, read["cancellationCutoffMinutes"]!.GetValue<int>());
        Assert.Equal(30, read["rescheduleCutoffMinutes"]!.GetValue<int>());
        Assert.Equal(120, read["holdTtlSeconds"]!.GetValue<int>());
    }

    [Fact]
    public async Task New_rules_apply_to_availability_and_booking()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        await SalonClient.Ok(salon.Http.PutAsJsonAsync("/v1/business/rules", new
        {
            slotIntervalMinutes = 60, leadTimeMinutes = 60, bookingWindowDays = 5, cancellationCutoffMinutes = 0,
            rescheduleCutoffMinutes = 0, holdTtlSeconds = 300,
        }));

        Assert.Equal(8, (await StartsAsync(salon, service, "2026-11-28", staff)).Count);
        Assert.Empty(await StartsAsync(salon, service, Tuesday, staff)); // beyond the 5-day window
        await SalonClient.AssertProblem(await salon.BookAsync(service, staff, "2026-11-28T10:30:00Z"), HttpStatusCode.UnprocessableEntity, "off_grid");
        await SalonClient.AssertProblem(await salon.BookAsync(service, staff, "2026-12-01T10:00:00Z"), HttpStatusCode.UnprocessableEntity, "booking_window");
    }

    [Theory]
    [InlineData(7)]
    [InlineData(0)]
    [InlineData(-15)]
    public async Task Rules_with_a_slot_interval_that_does_not_divide_the_day_are_rejected(int interval)
    {
        var (salon, _, _) = await NewSalonWithServiceAsync();

        var response = await salon.Http.PutAsJsonAsync("/v1/business/rules", new
        {
            slotIntervalMinutes = interval, leadTimeMinutes = 60, bookingWindowDays = 60, cancellationCutoffMinutes = 1440,
            rescheduleCutoffMinutes = 1440, holdTtlSeconds = 300,
        });

        var problem = await SalonClient.AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotNull(problem["errors"]!["slotIntervalMinutes"]);
        Assert.Equal(15, (await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync("/v1/business/rules"))))["slotIntervalMinutes"]!.GetValue<int>());
    }

    [Fact]
    public async Task Rules_with_out_of_range_values_are_rejected_field_by_field()
    {
        var (salon, _, _) = await NewSalonWithServiceAsync();

        var response = await salon.Http.PutAsJsonAsync("/v1/business/rules", new
        {
            slotIntervalMinutes = 15, leadTimeMinutes = -1, bookingWindowDays = 0, cancellationCutoffMinutes = -5,
            rescheduleCutoffMinutes = 1440, holdTtlSeconds = 1,
        });

        var problem = await SalonClient.AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "leadTimeMinutes", "bookingWindowDays", "cancellationCutoffMinutes", "holdTtlSeconds" })
            Assert.NotNull(problem["errors"]![field]);
        Assert.Null(problem["errors"]!["slotIntervalMinutes"]);
    }

    [Fact]
    public async Task Working_hours_may_end_at_midnight()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        await SalonClient.Ok(salon.Http.PutAsJsonAsync($"/v1/staff/{staff}/working-hours", EveryDay("22:00", "24:00")));

        var starts = await StartsAsync(salon, service, Tuesday, staff);
        Assert.Equal("2026-12-01T22:00:00+00:00", starts[0]);
        Assert.Equal("2026-12-01T23:30:00+00:00", starts[^1]);
        Assert.Equal(HttpStatusCode.Created, (await salon.BookAsync(service, staff, "2026-12-01T23:30:00Z")).StatusCode);
    }

    [Fact]
    public async Task A_service_listing_a_staff_member_twice_is_rejected()
    {
        var (salon, staff, _) = await NewSalonWithServiceAsync();

        var response = await salon.Http.PostAsJsonAsync("/v1/services", new
        {
            name = "Twice", durationMinutes = 30, bufferBeforeMinutes = 0, bufferAfterMinutes = 0,
            staff = new[] { new { staffId = staff }, new { staffId = staff } },
        });

        await SalonClient.AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(1, await salon.CountAsync("SELECT count(*) FROM services WHERE business_id = @business"));
    }
}
