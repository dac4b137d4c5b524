using System.Net;
using System.Text.Json.Nodes;
using FastBooking.Api.Tests.Support;

namespace FastBooking.Api.Tests.Visits;

/// <summary>Availability of visits (services in sequence) through the API.</summary>
[Collection(ApiCollection.Name)]
public sealed class VisitAvailabilityTests(ApiFactory api) : ApiTest(api)
{
    private static readonly (int, bool)[] Colour = [(15, true), (45, false), (10, true)];

    private static async Task<(JsonNode Body, string ServedBy)> VisitsAsync(SalonClient salon, string query)
    {
        var response = await SalonClient.Ok(salon.Http.GetAsync($"/v1/availability/visits?from=2026-12-01&to=2026-12-01&{query}"));
        return (await SalonClient.Json(response), response.Headers.GetValues("X-Served-By").Single());
    }

    /// <summary>"start→end: item start–end [staff], …" per slot.</summary>
    private static List<string> Slots(JsonNode body) => body["slots"]!.AsArray().Select(s =>
        $"{s!["start"]}→{s["end"]}: " + string.Join(", ", s["items"]!.AsArray().Select(i =>
            $"{i!["start"]}–{i["end"]} [{string.Join(" ", i["staffIds"]!.AsArray().Select(id => id!.GetValue<string>()))}]"))).ToList();

    [Fact]
    public async Task A_colour_then_a_cut_starts_the_cut_when_the_colour_ends_and_both_read_paths_answer_the_same()
    {
        var salon = await NewSalonAsync();
        var ann = await salon.AddStaffAsync("Ann", "09:00", "11:00");
        var bob = await salon.AddStaffAsync("Bob", "10:00", "12:00");
        var colour = await salon.AddServiceAsync([ann], 70, phases: Colour);
        var cut = await salon.AddServiceAsync([ann, bob], 30);

        var (redis, redisPath) = await VisitsAsync(salon, $"serviceIds={colour},{cut}&source=redis");
        var (postgres, postgresPath) = await VisitsAsync(salon, $"serviceIds={colour},{cut}&source=postgres");

        Assert.Equal(("redis", "postgres"), (redisPath, postgresPath));
        Assert.Equal(Slots(postgres), Slots(redis));
        Assert.Equal($"2026-12-01T09:00:00+00:00→2026-12-01T10:40:00+00:00: 2026-12-01T09:00:00+00:00–2026-12-01T10:10:00+00:00 [{ann}], " +
            $"2026-12-01T10:10:00+00:00–2026-12-01T10:40:00+00:00 [{ann} {bob}]", Slots(redis)[0]);
        Assert.Equal([colour, cut], redis["serviceIds"]!.AsArray().Select(id => id!.GetValue<string>()));
    }

    [Fact]
    public async Task With_the_same_staff_member_for_all_only_a_stylist_free_for_every_item_is_offered()
    {
        var salon = await NewSalonAsync();
        var ann = await salon.AddStaffAsync("Ann", "09:00", "09:30");
        var bob = await salon.AddStaffAsync("Bob", "09:00", "10:00");
        var cut = await salon.AddServiceAsync([ann, bob], 30);
        var beard = await salon.AddServiceAsync([ann, bob], 30);

        var (mixed, _) = await VisitsAsync(salon, $"serviceIds={cut},{beard}");
        var (same, _) = await VisitsAsync(salon, $"serviceIds={cut},{beard}&sameStaff=true");
        var (named, _) = await VisitsAsync(salon, $"serviceIds={cut},{beard}&staffIds={ann},any");

        Assert.StartsWith($"2026-12-01T09:00:00+00:00→2026-12-01T10:00:00+00:00: 2026-12-01T09:00:00+00:00–2026-12-01T09:30:00+00:00 [{ann} {bob}], " +
            $"2026-12-01T09:30:00+00:00–2026-12-01T10:00:00+00:00 [{bob}]", Slots(mixed)[0]);
        Assert.Equal($"2026-12-01T09:00:00+00:00→2026-12-01T10:00:00+00:00: 2026-12-01T09:00:00+00:00–2026-12-01T09:30:00+00:00 [{bob}], " +
            $"2026-12-01T09:30:00+00:00–2026-12-01T10:00:00+00:00 [{bob}]", Slots(same).Single());
        Assert.StartsWith($"2026-12-01T09:00:00+00:00→2026-12-01T10:00:00+00:00: 2026-12-01T09:00:00+00:00–2026-12-01T09:30:00+00:00 [{ann}]", Slots(named).Single());
    }

    [Theory]
    [InlineData("serviceIds=not-an-id")]
    [InlineData("serviceIds=")]
    [InlineData("sameStaff=maybe&serviceIds={0}")]
    [InlineData("serviceIds={0},{0}&staffIds=any")]
    [InlineData("serviceIds={0}&staffIds=somebody")]
    [InlineData("serviceIds={0},{0},{0},{0},{0},{0}")]
    public async Task A_malformed_visit_query_is_a_validation_problem(string query)
    {
        var salon = await NewSalonAsync();
        var cut = await salon.AddServiceAsync([await salon.AddStaffAsync()], 30);

        var response = await salon.Http.GetAsync($"/v1/availability/visits?from=2026-12-01&to=2026-12-01&{string.Format(query, cut)}");

        await SalonClient.AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_visit_with_a_service_of_another_business_is_not_found()
    {
        var salon = await NewSalonAsync();
        var other = await NewSalonAsync();
        var cut = await salon.AddServiceAsync([await salon.AddStaffAsync()], 30);
        var theirs = await other.AddServiceAsync([await other.AddStaffAsync()], 30);

        var response = await salon.Http.GetAsync($"/v1/availability/visits?from=2026-12-01&to=2026-12-01&serviceIds={cut},{theirs}");

        await SalonClient.AssertProblem(response, HttpStatusCode.NotFound, "not_found");
    }
}
