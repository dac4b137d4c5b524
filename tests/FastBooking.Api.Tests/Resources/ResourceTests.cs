using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FastBooking.Api.Tests.Support;

namespace FastBooking.Api.Tests.Resources;

/// <summary>Shared resources (basins, colour chairs): setup, assignment, availability, explain, outages, storms.</summary>
[Collection(ApiCollection.Name)]
public sealed class ResourceTests(ApiFactory api, NoRedisFactory down) : ApiTest(api)
{
    private const string Day = "2026-12-01";
    private const string Ten = "2026-12-01T10:00:00Z";

    /// <summary>A salon with <paramref name="stylists"/> stylists (09:00–17:00) who all do a 30-minute wash needing a basin.</summary>
    private static async Task<(SalonClient Salon, List<string> Staff, List<string> Basins, string Wash)> WashSalonAsync(SalonClient salon, int stylists, int basins)
    {
        var staff = new List<string>();
        for (var i = 0; i < stylists; i++) staff.Add(await salon.AddStaffAsync($"Stylist {i}"));
        var (kind, units) = await salon.AddResourceKindAsync("Basin", basins);
        return (salon, staff, units, await salon.AddServiceAsync(staff, 30, resourceKind: kind));
    }

    private static string? UnitOf(JsonNode appointment) => appointment["resource"]?["unitId"]?.GetValue<string>();

    private static async Task<HttpResponseMessage> ExplainAsync(SalonClient salon, string service, string staff, string start) =>
        await salon.Http.GetAsync($"/v1/availability/explain?serviceId={service}&staffId={staff}&start={Uri.EscapeDataString(start)}");

    [Fact]
    public async Task A_resource_kind_is_made_with_numbered_units_and_listed()
    {
        var salon = await NewSalonAsync();

        var created = await SalonClient.Json(await SalonClient.Ok(salon.Http.PostAsJsonAsync("/v1/resource-kinds", new { name = "Colour chair", units = 3 })));
        var listed = await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync("/v1/resource-kinds")));
        var one = await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync($"/v1/resource-kinds/{created["id"]}")));

        Assert.Equal([1, 2, 3], created["units"]!.AsArray().Select(u => u!["number"]!.GetValue<int>()));
        Assert.Equal(created.ToJsonString(), SalonClient.Items(listed).Single()!.ToJsonString());
        Assert.Equal(created.ToJsonString(), one.ToJsonString());
    }

    [Theory]
    [InlineData("""{ "name": "", "units": 2 }""")]
    [InlineData("""{ "name": "Basin", "units": 0 }""")]
    [InlineData("""{ "name": "Basin", "units": 51 }""")]
    public async Task A_kind_without_a_name_or_with_too_few_or_many_units_is_a_validation_problem(string body)
    {
        var salon = await NewSalonAsync();

        var response = await salon.Http.PostAsync("/v1/resource-kinds", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await SalonClient.AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_service_can_need_only_a_kind_of_its_own_business_and_only_a_phase_it_has()
    {
        var salon = await NewSalonAsync();
        var other = await NewSalonAsync();
        var staff = await salon.AddStaffAsync();
        var (foreign, _) = await other.AddResourceKindAsync("Basin", 1);
        var (basin, _) = await salon.AddResourceKindAsync("Basin", 1);
        object Service(string kind, int? phase) => new
        {
            name = "Wash", durationMinutes = 30, staff = new[] { new { staffId = staff } }, resource = new { kindId = kind, phase },
        };

        var foreignKind = await salon.Http.PostAsJsonAsync("/v1/services", Service(foreign, null));
        var noSuchPhase = await salon.Http.PostAsJsonAsync("/v1/services", Service(basin, 0));
        var notAnId = await salon.Http.PostAsJsonAsync("/v1/services", Service("basin", null));

        await SalonClient.AssertProblem(foreignKind, HttpStatusCode.BadRequest, "validation_failed");
        await SalonClient.AssertProblem(noSuchPhase, HttpStatusCode.BadRequest, "validation_failed");
        await SalonClient.AssertProblem(notAnId, HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Bookings_get_the_lowest_numbered_free_unit_and_none_is_offered_or_booked_once_every_unit_is_taken()
    {
        var (salon, staff, basins, wash) = await WashSalonAsync(await NewSalonAsync(), stylists: 3, basins: 2);

        var first = await SalonClient.Json(await SalonClient.Ok(salon.BookAsync(wash, staff[0], Ten)));
        var second = await SalonClient.Json(await SalonClient.Ok(salon.BookAsync(wash, staff[1], Ten)));
        var third = await salon.BookAsync(wash, staff[2], Ten);

        Assert.Equal((basins[0], basins[1]), (UnitOf(first), UnitOf(second)));
        Assert.Equal("2026-12-01T10:00:00+00:00", first["resource"]!["start"]!.GetValue<string>());
        var problem = await SalonClient.AssertProblem(third, HttpStatusCode.Conflict, "resource_unavailable");
        Assert.Contains("Basin", problem["detail"]!.GetValue<string>());
        var offered = await Api.Services.AssertPathsAgreeAsync(salon, wash, staff[2], Day, Day);
        Assert.DoesNotContain(offered.Slots, s => s.StartsWith("2026-12-01T10:00:00Z", StringComparison.Ordinal));
        Assert.Contains(offered.Slots, s => s.StartsWith("2026-12-01T10:30:00Z", StringComparison.Ordinal));
        await salon.AssertConsistentAsync(Day, Day);
    }

    [Fact]
    public async Task A_service_that_needs_no_resource_answers_as_before()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        var booked = await SalonClient.Json(await SalonClient.Ok(salon.BookAsync(service, staff, Ten)));

        Assert.Null(booked["resource"]);
    }

    [Fact]
    public async Task Explain_names_resource_unavailable_when_every_unit_is_taken()
    {
        var (salon, staff, _, wash) = await WashSalonAsync(await NewSalonAsync(), stylists: 2, basins: 1);
        await salon.BookedAsync(wash, staff[0], Ten);

        var explanation = await SalonClient.Json(await SalonClient.Ok(ExplainAsync(salon, wash, staff[1], "2026-12-01T10:15:00Z")));

        Assert.False(explanation["bookable"]!.GetValue<bool>());
        Assert.Equal(["resource_unavailable"], explanation["reasons"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Only_the_phase_that_needs_the_basin_takes_it()
    {
        var salon = await NewSalonAsync();
        var ann = await salon.AddStaffAsync("Ann");
        var bob = await salon.AddStaffAsync("Bob");
        var (basin, units) = await salon.AddResourceKindAsync("Basin", 1);
        // Colour: 20 min application, 30 min processing, 10 min rinse at the basin.
        var colour = await salon.AddServiceAsync([ann], 60, phases: [(20, true), (30, false), (10, true)], resourceKind: basin, resourcePhase: 2);
        var wash = await salon.AddServiceAsync([bob], 10, resourceKind: basin);

        var booked = await SalonClient.Json(await SalonClient.Ok(salon.BookAsync(colour, ann, Ten)));
        var duringProcessing = await salon.BookAsync(wash, bob, "2026-12-01T10:30:00Z");
        var duringRinse = await salon.BookAsync(wash, bob, "2026-12-01T10:45:00Z");

        Assert.Equal(("2026-12-01T10:50:00+00:00", "2026-12-01T11:00:00+00:00", units[0]),
            (booked["resource"]!["start"]!.GetValue<string>(), booked["resource"]!["end"]!.GetValue<string>(), UnitOf(booked)));
        Assert.Equal(HttpStatusCode.Created, duringProcessing.StatusCode);
        await SalonClient.AssertProblem(duringRinse, HttpStatusCode.Conflict, "resource_unavailable");
        await Api.Services.AssertPathsAgreeAsync(salon, wash, bob, Day, Day);
        await salon.AssertConsistentAsync(Day, Day);
    }

    [Fact]
    public async Task An_outage_takes_a_unit_out_of_service_until_it_is_removed()
    {
        var (salon, staff, basins, wash) = await WashSalonAsync(await NewSalonAsync(), stylists: 1, basins: 1);

        var outage = await SalonClient.Json(await SalonClient.Ok(salon.Http.PostAsJsonAsync($"/v1/resource-units/{basins[0]}/outages",
            new { start = "2026-12-01T09:00:00Z", end = "2026-12-01T12:00:00Z", reason = "Plumber" })));
        var during = await Api.Services.AssertPathsAgreeAsync(salon, wash, staff[0], Day, Day);
        var refused = await salon.BookAsync(wash, staff[0], Ten);
        await SalonClient.Ok(salon.Http.DeleteAsync($"/v1/resource-units/{basins[0]}/outages/{outage["id"]}"));
        var after = await Api.Services.AssertPathsAgreeAsync(salon, wash, staff[0], Day, Day);

        Assert.StartsWith("2026-12-01T12:00:00Z", during.Slots[0]);
        await SalonClient.AssertProblem(refused, HttpStatusCode.Conflict, "resource_unavailable");
        Assert.StartsWith("2026-12-01T09:00:00Z", after.Slots[0]);
        await salon.AssertConsistentAsync(Day, Day);
    }

    [Fact]
    public async Task Outages_of_unknown_units_or_outages_are_not_found()
    {
        var salon = await NewSalonAsync();
        var other = await NewSalonAsync();
        var (_, theirs) = await other.AddResourceKindAsync("Basin", 1);
        var (_, ours) = await salon.AddResourceKindAsync("Basin", 1);
        var outage = new { start = "2026-12-01T09:00:00Z", end = "2026-12-01T12:00:00Z" };

        await SalonClient.AssertProblem(await salon.Http.PostAsJsonAsync($"/v1/resource-units/{theirs[0]}/outages", outage), HttpStatusCode.NotFound, "not_found");
        await SalonClient.AssertProblem(await salon.Http.PostAsJsonAsync("/v1/resource-units/basin/outages", outage), HttpStatusCode.NotFound, "not_found");
        await SalonClient.AssertProblem(await salon.Http.DeleteAsync($"/v1/resource-units/{ours[0]}/outages/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "not_found");
        await SalonClient.AssertProblem(await salon.Http.GetAsync($"/v1/resource-kinds/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "not_found");
        await SalonClient.AssertProblem(await salon.Http.PostAsJsonAsync($"/v1/resource-units/{ours[0]}/outages",
            new { start = "2026-12-01T12:00:00Z", end = "2026-12-01T09:00:00Z" }), HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Cancelling_frees_the_unit_and_a_reschedule_keeps_it_when_it_is_free()
    {
        var (salon, staff, basins, wash) = await WashSalonAsync(await NewSalonAsync(), stylists: 2, basins: 2);
        await salon.BookedAsync(wash, staff[0], "2026-12-01T11:00:00Z"); // basin 1 at 11:00
        var id = await salon.BookedAsync(wash, staff[1], Ten); // basin 1 at 10:00
        var moved = await SalonClient.Json(await SalonClient.Ok(salon.RescheduleAsync(id, "2026-12-01T10:30:00Z")));
        var movedOnto11 = await SalonClient.Json(await SalonClient.Ok(salon.RescheduleAsync(id, "2026-12-01T11:00:00Z")));
        await SalonClient.Ok(salon.CancelAsync(id));
        var again = await SalonClient.Json(await SalonClient.Ok(salon.BookAsync(wash, staff[1], "2026-12-01T11:00:00Z")));

        Assert.Equal(basins[0], UnitOf(moved));
        Assert.Equal(basins[1], UnitOf(movedOnto11)); // basin 1 is taken at 11:00
        Assert.Equal(basins[1], UnitOf(again));
        Assert.Equal(0, await salon.UnitOverlapCountAsync());
        await salon.AssertConsistentAsync(Day, Day);
    }

    [Fact]
    public async Task A_hold_is_refused_while_every_unit_is_taken()
    {
        var (salon, staff, _, wash) = await WashSalonAsync(await NewSalonAsync(), stylists: 2, basins: 1);
        await salon.BookedAsync(wash, staff[0], Ten);

        var refused = await salon.HoldAsync(wash, staff[1], Ten);
        var later = await salon.HoldAsync(wash, staff[1], "2026-12-01T10:30:00Z");

        await SalonClient.AssertProblem(refused, HttpStatusCode.Conflict, "resource_unavailable");
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
    }

    [Fact]
    public async Task A_storm_of_bookings_on_the_last_free_basin_has_exactly_one_winner()
    {
        var (salon, staff, basins, wash) = await WashSalonAsync(await NewSalonAsync(), stylists: 13, basins: 2);
        await salon.BookedAsync(wash, staff[0], Ten); // basin 1: basin 2 is the last one free at ten

        var answers = await Task.WhenAll(staff.Skip(1).Select(s => salon.BookAsync(wash, s, Ten)));

        var won = answers.Where(a => a.StatusCode == HttpStatusCode.Created).ToList();
        var winner = Assert.Single(won);
        Assert.Equal(basins[1], UnitOf(await SalonClient.Json(winner)));
        foreach (var lost in answers.Except(won))
            await SalonClient.AssertProblem(lost, HttpStatusCode.Conflict, "resource_unavailable");
        Assert.Equal(2, await salon.ConfirmedCountAsync());
        Assert.Equal(0, await salon.UnitOverlapCountAsync());
    }

    [Fact]
    public async Task With_Redis_down_a_storm_on_the_last_free_basin_still_has_exactly_one_winner()
    {
        down.Clock.Reset(ApiFactory.StandardNow);
        var (salon, staff, _, wash) = await WashSalonAsync(await SalonClient.CreateAsync(down), stylists: 13, basins: 2);
        await salon.BookedAsync(wash, staff[0], Ten);

        var answers = await Task.WhenAll(staff.Skip(1).Select(s => salon.BookAsync(wash, s, Ten)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(2, await salon.ConfirmedCountAsync());
        Assert.Equal(0, await salon.UnitOverlapCountAsync());
    }
}
