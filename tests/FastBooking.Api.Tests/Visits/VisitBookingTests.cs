using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FastBooking.Api.Tests.Support;

namespace FastBooking.Api.Tests.Visits;

/// <summary>Booking, reading and cancelling visits: several services in sequence, all or none.</summary>
[Collection(ApiCollection.Name)]
public sealed class VisitBookingTests(ApiFactory api) : ApiTest(api)
{
    private const string Day = "2026-12-01";
    private const string Ten = "2026-12-01T10:00:00Z";
    private static readonly (int, bool)[] Colour = [(20, true), (35, false), (10, true)];

    private static Task<HttpResponseMessage> BookVisitAsync(SalonClient salon, string start, bool sameStaff = false, string? idempotencyKey = null,
        params (string Service, string? Staff)[] items) =>
        salon.SendAsync(HttpMethod.Post, "/v1/visits", new
        {
            items = items.Select(i => new { serviceId = i.Service, staffId = i.Staff }), sameStaff, start, customer = new { name = "Ann" },
        }, idempotencyKey);

    private static List<JsonNode> Appointments(JsonNode visit) => visit["appointments"]!.AsArray().Select(a => a!).ToList();

    private static string Text(JsonNode node, string field) => node[field]!.GetValue<string>();

    [Fact]
    public async Task A_colour_then_a_cut_is_booked_as_one_visit_the_cut_starting_when_the_colour_ends()
    {
        var salon = await NewSalonAsync();
        var ann = await salon.AddStaffAsync("Ann");
        var bob = await salon.AddStaffAsync("Bob");
        var colour = await salon.AddServiceAsync([ann], 65, phases: Colour);
        var cut = await salon.AddServiceAsync([ann, bob], 30);

        var response = await BookVisitAsync(salon, Ten, items: [(colour, null), (cut, null)]);
        var visit = await SalonClient.Json(await SalonClient.Ok(Task.FromResult(response)));
        var read = await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync($"/v1/visits/{visit["id"]}")));
        var items = Appointments(visit);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/v1/visits/{visit["id"]}", response.Headers.Location!.ToString());
        Assert.Equal(("2026-12-01T10:00:00+00:00", "2026-12-01T11:35:00+00:00"), (Text(visit, "start"), Text(visit, "end")));
        Assert.Equal([("2026-12-01T10:00:00+00:00", "2026-12-01T11:05:00+00:00", ann), ("2026-12-01T11:05:00+00:00", "2026-12-01T11:35:00+00:00", bob)],
            items.Select(a => (Text(a, "start"), Text(a, "end"), Text(a, "staffId"))));
        Assert.All(items, a => Assert.Equal(Text(visit, "id"), Text(a, "visitId")));
        Assert.Equal(visit.ToJsonString(), read.ToJsonString());
        var one = await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync($"/v1/appointments/{items[1]["id"]}")));
        Assert.Equal(Text(visit, "id"), Text(one, "visitId"));
        await Api.Services.AssertPathsAgreeAsync(salon, cut, null, Day, Day);
        await salon.AssertConsistentAsync(Day, Day);
    }

    [Fact]
    public async Task One_stylist_for_every_item_goes_straight_from_one_to_the_next_and_their_busy_ranges_never_overlap()
    {
        var salon = await NewSalonAsync();
        var ann = await salon.AddStaffAsync("Ann");
        var wash = await salon.AddServiceAsync([ann], 15, after: 10);
        var cut = await salon.AddServiceAsync([ann], 30, before: 10, after: 10);

        var visit = await SalonClient.Json(await SalonClient.Ok(BookVisitAsync(salon, Ten, sameStaff: true, items: [(wash, null), (cut, null)])));
        var after = await salon.BookAsync(cut, ann, "2026-12-01T11:00:00Z"); // needs 10:50–11:40: the visit's cut ends at 10:45, its buffer at 10:55
        var later = await salon.BookAsync(cut, ann, "2026-12-01T11:15:00Z");

        Assert.Equal(["2026-12-01T10:00:00+00:00", "2026-12-01T10:15:00+00:00"], Appointments(visit).Select(a => Text(a, "start")));
        await SalonClient.AssertProblem(after, HttpStatusCode.Conflict, "slot_taken");
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        Assert.Equal(0, await salon.OverlapCountAsync());
        await salon.AssertConsistentAsync(Day, Day);
    }

    [Fact]
    public async Task A_visit_whose_second_service_nobody_can_take_books_nothing()
    {
        var salon = await NewSalonAsync();
        var ann = await salon.AddStaffAsync("Ann");
        var bob = await salon.AddStaffAsync("Bob", "09:00", "10:30");
        var colour = await salon.AddServiceAsync([ann], 30);
        var cut = await salon.AddServiceAsync([bob], 30);
        await salon.BookedAsync(cut, bob, "2026-12-01T09:00:00Z");

        var response = await BookVisitAsync(salon, Ten, items: [(colour, ann), (cut, null)]); // the cut would be 10:30–11:00: Bob has left

        var problem = await SalonClient.AssertProblem(response, HttpStatusCode.UnprocessableEntity, "outside_open_time");
        Assert.StartsWith("Service 2 of the visit:", problem["detail"]!.GetValue<string>());
        Assert.Equal(1, await salon.ConfirmedCountAsync());
    }

    [Fact]
    public async Task Cancelling_a_visit_cancels_every_item_at_once_and_frees_their_time()
    {
        var salon = await NewSalonAsync();
        var ann = await salon.AddStaffAsync("Ann");
        var cut = await salon.AddServiceAsync([ann], 30);
        var before = await Api.Services.AssertPathsAgreeAsync(salon, cut, ann, Day, Day);
        var visit = await SalonClient.Json(await SalonClient.Ok(BookVisitAsync(salon, Ten, items: [(cut, null), (cut, null)])));

        var cancelled = await SalonClient.Json(await SalonClient.Ok(salon.SendAsync(HttpMethod.Post, $"/v1/visits/{visit["id"]}/cancel", new { reason = "Ill" })));
        var again = await salon.SendAsync(HttpMethod.Post, $"/v1/visits/{visit["id"]}/cancel", new { });

        Assert.All(Appointments(cancelled), a => Assert.Equal(("cancelled", "Ill", 2), (Text(a, "status"), Text(a, "cancelReason"), a["version"]!.GetValue<int>())));
        await SalonClient.AssertProblem(again, HttpStatusCode.Conflict, "already_cancelled");
        Assert.Equal(before.Slots, (await Api.Services.AssertPathsAgreeAsync(salon, cut, ann, Day, Day)).Slots);
        await salon.AssertConsistentAsync(Day, Day);
    }

    [Fact]
    public async Task One_item_of_a_visit_can_be_cancelled_on_its_own_and_the_rest_stays_booked()
    {
        var salon = await NewSalonAsync();
        var ann = await salon.AddStaffAsync("Ann");
        var cut = await salon.AddServiceAsync([ann], 30);
        var visit = await SalonClient.Json(await SalonClient.Ok(BookVisitAsync(salon, Ten, items: [(cut, null), (cut, null)])));

        await SalonClient.Ok(salon.CancelAsync(Text(Appointments(visit)[1], "id")));
        var read = await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync($"/v1/visits/{visit["id"]}")));

        Assert.Equal(["confirmed", "cancelled"], Appointments(read).Select(a => Text(a, "status")));
        Assert.Equal(1, await salon.ConfirmedCountAsync());
    }

    [Fact]
    public async Task A_visit_is_cancelled_only_before_the_cut_off_of_its_first_start()
    {
        var salon = await NewSalonAsync(); // cancellations up to 24 hours before the start
        var ann = await salon.AddStaffAsync("Ann");
        var cut = await salon.AddServiceAsync([ann], 30);
        var visit = await SalonClient.Json(await SalonClient.Ok(BookVisitAsync(salon, Ten, items: [(cut, null), (cut, null)])));
        Api.Clock.Reset(NodaTime.Instant.FromUtc(2026, 11, 30, 12, 0));

        var late = await salon.SendAsync(HttpMethod.Post, $"/v1/visits/{visit["id"]}/cancel", new { });

        await SalonClient.AssertProblem(late, HttpStatusCode.UnprocessableEntity, "cancellation_cutoff");
        Assert.Equal(2, await salon.ConfirmedCountAsync());
    }

    [Fact]
    public async Task A_retried_visit_with_the_same_idempotency_key_replays_the_first_answer()
    {
        var salon = await NewSalonAsync();
        var ann = await salon.AddStaffAsync("Ann");
        var cut = await salon.AddServiceAsync([ann], 30);

        var first = await BookVisitAsync(salon, Ten, idempotencyKey: "visit-1", items: [(cut, null), (cut, null)]);
        var retry = await BookVisitAsync(salon, Ten, idempotencyKey: "visit-1", items: [(cut, null), (cut, null)]);

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(2, await salon.ConfirmedCountAsync());
    }

    [Fact]
    public async Task Each_item_that_needs_a_basin_gets_a_unit_of_its_own_time()
    {
        var salon = await NewSalonAsync();
        var ann = await salon.AddStaffAsync("Ann");
        var (basin, units) = await salon.AddResourceKindAsync("Basin", 1);
        var wash = await salon.AddServiceAsync([ann], 15, resourceKind: basin);

        var visit = await SalonClient.Json(await SalonClient.Ok(BookVisitAsync(salon, Ten, items: [(wash, null), (wash, null)])));
        var taken = await BookVisitAsync(salon, "2026-12-01T10:15:00Z", items: [(wash, null)]);

        Assert.All(Appointments(visit), a => Assert.Equal(units[0], a["resource"]!["unitId"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(0, await salon.UnitOverlapCountAsync());
    }

    [Fact]
    public async Task A_visit_for_anyone_goes_round_a_stylist_someone_holds()
    {
        var salon = await NewSalonAsync();
        var ann = await salon.AddStaffAsync("Ann");
        var bob = await salon.AddStaffAsync("Bob");
        var cut = await salon.AddServiceAsync([ann, bob], 30);
        await salon.HeldAsync(cut, ann, Ten);

        var visit = await SalonClient.Json(await SalonClient.Ok(BookVisitAsync(salon, Ten, items: [(cut, null)])));

        Assert.Equal(bob, Text(Appointments(visit)[0], "staffId"));
    }

    [Fact]
    public async Task Concurrent_visits_for_the_same_stylist_and_start_confirm_exactly_one()
    {
        var salon = await NewSalonAsync();
        var ann = await salon.AddStaffAsync("Ann");
        var cut = await salon.AddServiceAsync([ann], 30);

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => BookVisitAsync(salon, Ten, items: [(cut, ann), (cut, ann)])));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(2, await salon.ConfirmedCountAsync());
        Assert.Equal(0, await salon.OverlapCountAsync());
    }

    [Theory]
    [InlineData("""{ "items": [], "start": "2026-12-01T10:00:00Z", "customer": { "name": "Ann" } }""")]
    [InlineData("""{ "start": "2026-12-01T10:00:00Z", "customer": { "name": "Ann" } }""")]
    [InlineData("""{ "items": [null], "start": "2026-12-01T10:00:00Z", "customer": { "name": "Ann" } }""")]
    [InlineData("""{ "items": [{ "serviceId": "x" }], "start": "2026-12-01T10:00:00Z", "customer": { "name": "Ann" } }""")]
    [InlineData("""{ "items": [{ "serviceId": "{0}" }], "start": "tomorrow", "customer": { "name": "Ann" } }""")]
    [InlineData("""{ "items": [{ "serviceId": "{0}" }], "start": "2026-12-01T10:00:00Z" }""")]
    [InlineData("""{ "items": [{ "serviceId": "{0}", "staffId": "{1}" }], "sameStaff": true, "start": "2026-12-01T10:00:00Z", "customer": { "name": "Ann" } }""")]
    [InlineData("""{ "items": [{ "serviceId": "{0}" },{ "serviceId": "{0}" },{ "serviceId": "{0}" },{ "serviceId": "{0}" },{ "serviceId": "{0}" },{ "serviceId": "{0}" }], "start": "2026-12-01T10:00:00Z", "customer": { "name": "Ann" } }""")]
    public async Task A_malformed_visit_is_a_validation_problem(string body)
    {
        var salon = await NewSalonAsync();
        var ann = await salon.AddStaffAsync("Ann");
        var cut = await salon.AddServiceAsync([ann], 30);

        var response = await salon.Http.PostAsync("/v1/visits",
            new StringContent(body.Replace("{0}", cut).Replace("{1}", ann), System.Text.Encoding.UTF8, "application/json"));

        await SalonClient.AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Unknown_services_staff_and_visits_are_not_found()
    {
        var salon = await NewSalonAsync();
        var ann = await salon.AddStaffAsync("Ann");
        var cut = await salon.AddServiceAsync([ann], 30);

        await SalonClient.AssertProblem(await BookVisitAsync(salon, Ten, items: [(cut, null), (Guid.NewGuid().ToString(), null)]), HttpStatusCode.NotFound, "not_found");
        await SalonClient.AssertProblem(await BookVisitAsync(salon, Ten, items: [(cut, Guid.NewGuid().ToString())]), HttpStatusCode.NotFound, "not_found");
        await SalonClient.AssertProblem(await salon.Http.GetAsync($"/v1/visits/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "not_found");
        await SalonClient.AssertProblem(await salon.Http.GetAsync("/v1/visits/nope"), HttpStatusCode.NotFound, "not_found");
        await SalonClient.AssertProblem(await salon.SendAsync(HttpMethod.Post, $"/v1/visits/{Guid.NewGuid()}/cancel", new { }), HttpStatusCode.NotFound, "not_found");
    }
}
