using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FastBooking.Api.Tests.Support;
using NodaTime;

namespace FastBooking.Api.Tests.Availability;

[Collection(ApiCollection.Name)]
public sealed class AvailabilityApiTests(ApiFactory api) : ApiTest(api)
{
    private const string Day = "2026-12-01";

    private static async Task<JsonNode> ExplainAsync(SalonClient salon, string service, string staff, string start) =>
        await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync(
            $"/v1/availability/explain?serviceId={service}&staffId={staff}&start={Uri.EscapeDataString(start)}")));

    private static List<string> ReasonCodes(JsonNode explanation) =>
        explanation["reasons"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()).ToList();

    private static List<string> StaffAt(JsonNode availability, string start) =>
        availability["slots"]!.AsArray().Single(s => s!["start"]!.GetValue<string>() == start)!["staffIds"]!.AsArray()
            .Select(id => id!.GetValue<string>()).ToList();

    [Fact]
    public async Task Availability_lists_every_grid_start_inside_working_hours()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        var availability = await salon.AvailabilityAsync(service, Day, Day, staff);

        Assert.Equal("Europe/London", availability["businessTimeZone"]!.GetValue<string>());
        Assert.Equal(service, availability["serviceId"]!.GetValue<string>());
        var starts = SalonClient.Starts(availability);
        Assert.Equal(31, starts.Count); // 09:00 … 16:30 every 15 minutes
        Assert.Equal("2026-12-01T09:00:00+00:00", starts[0]);
        Assert.Equal("2026-12-01T16:30:00+00:00", starts[^1]);
        var first = availability["slots"]![0]!;
        Assert.Equal("2026-12-01T09:30:00+00:00", first["end"]!.GetValue<string>());
        Assert.Equal([staff], first["staffIds"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task A_booked_slot_disappears_and_cancelling_brings_it_back()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var before = SalonClient.Starts(await salon.AvailabilityAsync(service, Day, Day, staff));

        var id = await salon.BookedAsync(service, staff, "2026-12-01T10:00:00Z");
        var booked = SalonClient.Starts(await salon.AvailabilityAsync(service, Day, Day, staff));
        await SalonClient.Ok(salon.CancelAsync(id));
        var cancelled = SalonClient.Starts(await salon.AvailabilityAsync(service, Day, Day, staff));

        // 30 minutes at 10:00 blocks the starts 09:45, 10:00 and 10:15.
        Assert.Equal(before.Except(["2026-12-01T09:45:00+00:00", "2026-12-01T10:00:00+00:00", "2026-12-01T10:15:00+00:00"]), booked);
        Assert.Equal(before, cancelled);
    }

    [Fact]
    public async Task Buffers_of_an_appointment_hide_the_neighbouring_starts()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync(minutes: 30, before: 15, after: 15);
        await salon.BookedAsync(service, staff, "2026-12-01T12:00:00Z"); // occupies 11:45–12:45

        var starts = SalonClient.Starts(await salon.AvailabilityAsync(service, Day, Day, staff));

        // A new one occupies [s − 15, s + 45): it must end by 11:45 or start at 12:45.
        Assert.Contains("2026-12-01T11:00:00+00:00", starts);
        Assert.DoesNotContain("2026-12-01T11:15:00+00:00", starts);
        Assert.DoesNotContain("2026-12-01T12:45:00+00:00", starts);
        Assert.Contains("2026-12-01T13:00:00+00:00", starts);
    }

    [Fact]
    public async Task Availability_today_starts_after_the_lead_time()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync(); // now 2026-11-24T12:00Z, lead time 60 min

        var starts = SalonClient.Starts(await salon.AvailabilityAsync(service, "2026-11-24", "2026-11-24", staff));

        Assert.Equal("2026-11-24T13:00:00+00:00", starts[0]);
    }

    [Fact]
    public async Task Any_staff_availability_is_the_union_with_sorted_staff_ids()
    {
        var salon = await NewSalonAsync();
        var morning = await salon.AddStaffAsync("Morning", "09:00", "13:00");
        var afternoon = await salon.AddStaffAsync("Afternoon", "12:00", "17:00");
        var service = await salon.AddServiceAsync([morning, afternoon]);

        var availability = await salon.AvailabilityAsync(service, Day, Day);

        var starts = SalonClient.Starts(availability);
        Assert.Equal(31, starts.Count); // 09:00 … 16:30: the union of both days
        Assert.Equal(starts.Order(StringComparer.Ordinal), starts);
        Assert.Equal([morning], StaffAt(availability, "2026-12-01T09:00:00+00:00"));
        Assert.Equal([afternoon], StaffAt(availability, "2026-12-01T16:30:00+00:00"));
        Assert.Equal(new[] { morning, afternoon }.Order(StringComparer.Ordinal), StaffAt(availability, "2026-12-01T12:00:00+00:00"));
    }

    [Fact]
    public async Task Staff_ids_of_every_slot_are_sorted()
    {
        var salon = await NewSalonAsync();
        var staff = new List<string>();
        for (var i = 0; i < 4; i++) staff.Add(await salon.AddStaffAsync($"Staff {i}"));
        var service = await salon.AddServiceAsync(staff.AsEnumerable().Reverse());

        var availability = await salon.AvailabilityAsync(service, Day, Day);

        foreach (var slot in availability["slots"]!.AsArray())
        {
            var ids = slot!["staffIds"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
            Assert.Equal(staff.Order(StringComparer.Ordinal), ids);
        }
    }

    [Fact]
    public async Task Staff_specific_durations_give_separate_slots_with_their_own_end()
    {
        var salon = await NewSalonAsync();
        var quick = await salon.AddStaffAsync("Quick");
        var slow = await salon.AddStaffAsync("Slow");
        var service = await SalonClient.Json(await SalonClient.Ok(salon.Http.PostAsJsonAsync("/v1/services", new
        {
            name = "Cut", durationMinutes = 30, bufferBeforeMinutes = 0, bufferAfterMinutes = 0,
            staff = new object[] { new { staffId = quick }, new { staffId = slow, durationMinutes = 60 } },
        })));

        var availability = await salon.AvailabilityAsync(service["id"]!.GetValue<string>(), Day, Day);

        var atTen = availability["slots"]!.AsArray().Where(s => s!["start"]!.GetValue<string>() == "2026-12-01T10:00:00+00:00").ToList();
        Assert.Equal(["2026-12-01T10:30:00+00:00", "2026-12-01T11:00:00+00:00"], atTen.Select(s => s!["end"]!.GetValue<string>()));
        Assert.Equal([quick], atTen[0]!["staffIds"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal([slow], atTen[1]!["staffIds"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task A_display_time_zone_changes_offsets_but_not_instants()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync(timeZone: "Europe/Paris");

        var local = await salon.AvailabilityAsync(service, Day, Day, staff);
        var shown = await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync(
            $"/v1/availability?serviceId={service}&staffId={staff}&from={Day}&to={Day}&timeZone=Asia/Kolkata")));

        var localStarts = SalonClient.Starts(local);
        var shownStarts = SalonClient.Starts(shown);
        Assert.Equal("2026-12-01T09:00:00+01:00", localStarts[0]);
        Assert.Equal("2026-12-01T13:30:00+05:30", shownStarts[0]);
        Assert.All(shownStarts, s => Assert.EndsWith("+05:30", s));
        Assert.Equal(localStarts.Select(DateTimeOffset.Parse).Select(d => d.UtcDateTime), shownStarts.Select(DateTimeOffset.Parse).Select(d => d.UtcDateTime));
        Assert.Equal("Europe/Paris", shown["businessTimeZone"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_state_gives_byte_identical_answers()
    {
        var (salon, a, b, service) = await NewSalonWithTwoStaffAsync();
        await salon.BookedAsync(service, a, "2026-12-02T11:00:00Z");
        var url = $"/v1/availability?serviceId={service}&from=2026-12-01&to=2026-12-07";

        var first = await (await SalonClient.Ok(salon.Http.GetAsync(url))).Content.ReadAsStringAsync();
        var second = await (await SalonClient.Ok(salon.Http.GetAsync(url))).Content.ReadAsStringAsync();

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Explain_says_a_free_slot_is_bookable()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        var explanation = await ExplainAsync(salon, service, staff, "2026-12-01T10:00:00Z");

        Assert.True(explanation["bookable"]!.GetValue<bool>());
        Assert.Empty(explanation["reasons"]!.AsArray());
    }

    [Fact]
    public async Task Explain_names_the_overlapping_appointment()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var id = await salon.BookedAsync(service, staff, "2026-12-01T10:00:00Z");

        var explanation = await ExplainAsync(salon, service, staff, "2026-12-01T10:15:00Z");

        Assert.False(explanation["bookable"]!.GetValue<bool>());
        Assert.Equal(["overlaps_appointment"], ReasonCodes(explanation));
        Assert.Contains(id, explanation["reasons"]![0]!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Explain_names_every_rule_a_start_breaks()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        var explanation = await ExplainAsync(salon, service, staff, "2026-11-24T12:07:00Z"); // off grid, too soon

        Assert.False(explanation["bookable"]!.GetValue<bool>());
        Assert.Equal(["off_grid", "lead_time"], ReasonCodes(explanation));
    }

    [Fact]
    public async Task Explain_names_working_hours_breaks_and_time_off()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var lunch = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }
            .Select(d => new { weekday = d, intervals = new[] { new { start = "12:00", end = "13:00" } } });
        await SalonClient.Ok(salon.Http.PutAsJsonAsync($"/v1/staff/{staff}/breaks", new { days = lunch }));
        await SalonClient.Ok(salon.Http.PostAsJsonAsync($"/v1/staff/{staff}/time-off",
            new { start = "2026-12-01T14:00:00Z", end = "2026-12-01T15:00:00Z", reason = "dentist" }));

        Assert.Equal(["outside_working_hours"], ReasonCodes(await ExplainAsync(salon, service, staff, "2026-12-01T16:45:00Z")));
        Assert.Equal(["break"], ReasonCodes(await ExplainAsync(salon, service, staff, "2026-12-01T12:15:00Z")));
        Assert.Equal(["time_off"], ReasonCodes(await ExplainAsync(salon, service, staff, "2026-12-01T14:30:00Z")));
    }

    [Fact]
    public async Task Explain_for_staff_who_does_not_perform_the_service_says_so()
    {
        var salon = await NewSalonAsync();
        var staff = await salon.AddStaffAsync();
        var other = await salon.AddStaffAsync("Other");
        var service = await salon.AddServiceAsync([staff]);

        Assert.Equal(["service_not_offered"], ReasonCodes(await ExplainAsync(salon, service, other, "2026-12-01T10:00:00Z")));
    }

    [Fact]
    public async Task Any_staff_booking_goes_to_the_staff_member_with_fewest_booked_minutes_that_day()
    {
        var (salon, one, two, service) = await NewSalonWithTwoStaffAsync();
        var (lower, higher) = string.CompareOrdinal(one, two) < 0 ? (one, two) : (two, one);
        await salon.BookedAsync(service, lower, "2026-12-01T10:00:00Z");

        var body = await SalonClient.Json(await SalonClient.Ok(salon.BookAsync(service, null, "2026-12-01T14:00:00Z")));

        Assert.Equal(higher, body["staffId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Any_staff_booking_on_a_tie_goes_to_the_lowest_staff_id()
    {
        var (salon, one, two, service) = await NewSalonWithTwoStaffAsync();
        var lower = string.CompareOrdinal(one, two) < 0 ? one : two;

        var first = await SalonClient.Json(await SalonClient.Ok(salon.BookAsync(service, null, "2026-12-01T14:00:00Z")));

        Assert.Equal(lower, first["staffId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Any_staff_booking_counts_only_minutes_booked_that_day()
    {
        var (salon, one, two, service) = await NewSalonWithTwoStaffAsync();
        var lower = string.CompareOrdinal(one, two) < 0 ? one : two;
        await salon.BookedAsync(service, lower, "2026-12-02T10:00:00Z"); // another day

        var body = await SalonClient.Json(await SalonClient.Ok(salon.BookAsync(service, null, "2026-12-01T14:00:00Z")));

        Assert.Equal(lower, body["staffId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Any_staff_booking_skips_staff_who_cannot_take_the_start()
    {
        var (salon, one, two, service) = await NewSalonWithTwoStaffAsync();
        var (lower, higher) = string.CompareOrdinal(one, two) < 0 ? (one, two) : (two, one);
        await salon.BookedAsync(service, lower, "2026-12-01T14:00:00Z");
        await salon.BookedAsync(service, higher, "2026-12-01T09:00:00Z");
        await salon.BookedAsync(service, higher, "2026-12-01T09:30:00Z"); // higher has more minutes, but lower is busy at 14:00

        var body = await SalonClient.Json(await SalonClient.Ok(salon.BookAsync(service, null, "2026-12-01T14:00:00Z")));

        Assert.Equal(higher, body["staffId"]!.GetValue<string>());
        await SalonClient.AssertProblem(await salon.BookAsync(service, null, "2026-12-01T14:00:00Z"), HttpStatusCode.Conflict, "slot_taken");
    }

    [Fact]
    public async Task A_fall_back_day_lists_the_repeated_local_hour_twice_with_its_two_offsets()
    {
        Api.Clock.Reset(Instant.FromUtc(2026, 10, 25, 12, 0));
        var salon = await NewSalonAsync("America/New_York");
        var staff = await salon.AddStaffAsync(from: "00:00", to: "03:00");
        var service = await salon.AddServiceAsync([staff], minutes: 60);

        var starts = SalonClient.Starts(await salon.AvailabilityAsync(service, "2026-11-01", "2026-11-01", staff));

        // 01:00–02:00 happens twice (EDT, then EST): the day has 4 hours of work, so 13 starts of a 60-minute service.
        Assert.Equal(13, starts.Count);
        Assert.Equal(["2026-11-01T01:00:00-04:00", "2026-11-01T01:00:00-05:00"], starts.Where(s => s.StartsWith("2026-11-01T01:00")));
        Assert.Equal(starts.Select(DateTimeOffset.Parse).Order(), starts.Select(DateTimeOffset.Parse));
    }

    [Fact]
    public async Task A_spring_forward_day_has_no_slot_in_the_skipped_hour()
    {
        Api.Clock.Reset(Instant.FromUtc(2027, 3, 7, 12, 0));
        var salon = await NewSalonAsync("America/New_York");
        var staff = await salon.AddStaffAsync(from: "00:00", to: "05:00");
        var service = await salon.AddServiceAsync([staff], minutes: 60);

        var starts = SalonClient.Starts(await salon.AvailabilityAsync(service, "2027-03-14", "2027-03-14", staff));

        Assert.DoesNotContain(starts, s => s.StartsWith("2027-03-14T02:"));
        Assert.Contains("2027-03-14T01:45:00-05:00", starts);
        Assert.Contains("2027-03-14T03:00:00-04:00", starts);
        Assert.Equal("2027-03-14T04:00:00-04:00", starts[^1]);
    }

    [Fact]
    public async Task Staff_id_any_means_every_qualified_staff_member()
    {
        var (salon, one, two, service) = await NewSalonWithTwoStaffAsync();

        var any = await salon.AvailabilityAsync(service, Day, Day, "any");
        var omitted = await salon.AvailabilityAsync(service, Day, Day);

        Assert.Equal(omitted.ToJsonString(), any.ToJsonString());
        Assert.Equal(2, any["slots"]![0]!["staffIds"]!.AsArray().Count);
    }
}
