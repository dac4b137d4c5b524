using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FastBooking.Api.Tests.Support;

namespace FastBooking.Api.Tests.Visits;

/// <summary>Services with phases through the API: a colour's processing time is the stylist's to give to another client.</summary>
[Collection(ApiCollection.Name)]
public sealed class ProcessingTimeTests(ApiFactory api) : ApiTest(api)
{
    // Application 15 busy, processing 45 free, rinse 10 busy: at 10:00 the stylist is busy 10:00–10:15 and 11:00–11:10.
    private static readonly (int, bool)[] Colour = [(15, true), (45, false), (10, true)];

    /// <summary>An appointment's or a hold's processing ranges as "start/end", space-separated.</summary>
    private static string Processing(JsonNode answer) =>
        string.Join(" ", answer["processing"]!.AsArray().Select(p => $"{p!["start"]}/{p["end"]}"));

    private async Task<(SalonClient Salon, string Stylist, string Colour, string Cut)> SalonAsync()
    {
        var salon = await NewSalonAsync();
        var stylist = await salon.AddStaffAsync("Stylist");
        return (salon, stylist, await salon.AddServiceAsync([stylist], 70, phases: Colour), await salon.AddServiceAsync([stylist], 30));
    }

    [Fact]
    public async Task Client_B_s_cut_is_booked_with_the_stylist_during_client_A_s_colour_processing()
    {
        var (salon, stylist, colour, cut) = await SalonAsync();
        await salon.BookedAsync(colour, stylist, "2026-12-01T10:00:00Z");

        var offered = SalonClient.Starts(await salon.AvailabilityAsync(cut, "2026-12-01", "2026-12-01"));
        Assert.Contains("2026-12-01T10:15:00+00:00", offered);
        Assert.Contains("2026-12-01T10:30:00+00:00", offered);
        Assert.DoesNotContain("2026-12-01T10:45:00+00:00", offered); // would run into the rinse

        Assert.Equal(HttpStatusCode.Created, (await salon.BookAsync(cut, stylist, "2026-12-01T10:30:00Z", customer: "B")).StatusCode);
        await SalonClient.AssertProblem(await salon.BookAsync(cut, stylist, "2026-12-01T10:45:00Z", customer: "C"), HttpStatusCode.Conflict, "slot_taken");
        Assert.Equal(2, await salon.ConfirmedCountAsync());
        Assert.Equal(0, await salon.OverlapCountAsync());
        Assert.Equal(1, await salon.CountAsync("""
            SELECT count(*) FROM appointments WHERE business_id = @business AND start_at = '2026-12-01T10:00:00Z'
              AND busy = '{[2026-12-01 10:00Z,2026-12-01 10:15Z),[2026-12-01 11:00Z,2026-12-01 11:10Z)}'::tstzmultirange
            """));
    }

    [Fact]
    public async Task An_appointment_answers_its_processing_time_and_the_change_feed_shows_it_at_each_version()
    {
        var (salon, stylist, colour, cut) = await SalonAsync();
        var booked = await SalonClient.Json(await SalonClient.Ok(salon.BookAsync(colour, stylist, "2026-12-01T10:00:00Z")));
        var id = booked["id"]!.GetValue<string>();
        var moved = await SalonClient.Json(await SalonClient.Ok(salon.RescheduleAsync(id, "2026-12-01T14:00:00Z")));
        var cutAnswer = await SalonClient.Json(await SalonClient.Ok(salon.BookAsync(cut, stylist, "2026-12-01T09:00:00Z")));

        const string AtTen = "2026-12-01T10:15:00+00:00/2026-12-01T11:00:00+00:00";
        const string AtTwo = "2026-12-01T14:15:00+00:00/2026-12-01T15:00:00+00:00";
        Assert.Equal(AtTen, Processing(booked));
        Assert.Equal(AtTwo, Processing(moved));
        Assert.Equal("", Processing(cutAnswer));

        var events = await salon.EventsAsync();
        for (var until = DateTime.UtcNow + TimeSpan.FromSeconds(40); Of(events, id).Count < 2 && DateTime.UtcNow < until; events = await salon.EventsAsync())
            await Task.Delay(50);
        Assert.Equal([AtTen, AtTwo], Of(events, id).Select(e => Processing(e["data"]!["appointment"]!)));


        static List<JsonNode> Of(List<JsonNode> feed, string appointment) =>
            feed.Where(e => e["data"]?["appointment"]?["id"]?.GetValue<string>() == appointment).ToList();
    }

    [Fact]
    public async Task The_database_admits_an_appointment_inside_another_s_processing_and_refuses_one_over_its_busy_time()
    {
        var (salon, stylist, colour, _) = await SalonAsync();
        await salon.BookedAsync(colour, stylist, "2026-12-01T10:00:00Z");

        Assert.Equal(1, await InsertAsync(salon, stylist, "{[2026-12-01 10:15Z,2026-12-01 11:00Z)}"));
        var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => InsertAsync(salon, stylist, "{[2026-12-01 11:05Z,2026-12-01 11:20Z)}"));
        Assert.Equal("appointments_no_overlap", refused.ConstraintName);
    }

    [Fact]
    public async Task A_hold_on_a_colour_leaves_its_processing_time_to_other_clients_holds()
    {
        var (salon, stylist, colour, cut) = await SalonAsync();
        var held = await SalonClient.Json(await SalonClient.Ok(salon.HoldAsync(colour, stylist, "2026-12-01T10:00:00Z")));
        Assert.Equal("2026-12-01T10:15:00+00:00/2026-12-01T11:00:00+00:00", Processing(held));

        Assert.Equal(HttpStatusCode.Created, (await salon.HoldAsync(cut, stylist, "2026-12-01T10:15:00Z")).StatusCode);
        await SalonClient.AssertProblem(await salon.HoldAsync(cut, stylist, "2026-12-01T10:45:00Z"), HttpStatusCode.Conflict, "hold_conflict");
        Assert.DoesNotContain("2026-12-01T10:45:00+00:00", SalonClient.Starts(await salon.AvailabilityAsync(cut, "2026-12-01", "2026-12-01")));
    }

    [Fact]
    public async Task A_cut_moved_into_a_colour_s_processing_time_is_accepted_and_one_moved_onto_its_rinse_is_not()
    {
        var (salon, stylist, colour, cut) = await SalonAsync();
        await salon.BookedAsync(colour, stylist, "2026-12-01T10:00:00Z");
        var moving = await salon.BookedAsync(cut, stylist, "2026-12-01T14:00:00Z");

        await SalonClient.Ok(salon.RescheduleAsync(moving, "2026-12-01T10:15:00Z"));
        Assert.Equal(HttpStatusCode.Conflict, (await salon.RescheduleAsync(moving, "2026-12-01T10:45:00Z")).StatusCode);
        Assert.Equal(0, await salon.OverlapCountAsync());
    }

    [Fact]
    public async Task A_service_answers_its_phases()
    {
        var (salon, _, colour, _) = await SalonAsync();

        var service = await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync($"/v1/services/{colour}")));

        Assert.Equal("""[{"minutes":15,"staffBusy":true},{"minutes":45,"staffBusy":false},{"minutes":10,"staffBusy":true}]""",
            service["phases"]!.ToJsonString());
    }

    [Theory]
    [InlineData(60, null, "add up")]
    [InlineData(70, 80, "own duration")]
    public async Task Phases_that_cannot_make_up_the_service_are_refused_with_the_reason(int minutes, int? ownDuration, string reason)
    {
        var salon = await NewSalonAsync();
        var stylist = await salon.AddStaffAsync();

        var response = await salon.Http.PostAsJsonAsync("/v1/services", new
        {
            name = "Colour", durationMinutes = minutes, staff = new[] { new { staffId = stylist, durationMinutes = ownDuration } },
            phases = Colour.Select(p => new { minutes = p.Item1, staffBusy = p.Item2 }),
        });

        var problem = await SalonClient.AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains(reason, problem.ToJsonString());
    }

    [Fact]
    public async Task A_phase_without_its_staff_busy_flag_is_refused()
    {
        var salon = await NewSalonAsync();
        var stylist = await salon.AddStaffAsync();

        var response = await salon.Http.PostAsJsonAsync("/v1/services", new
        {
            name = "Colour", durationMinutes = 30, staff = new[] { new { staffId = stylist } }, phases = new[] { new { minutes = 30 } },
        });

        await SalonClient.AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed");
    }

    private static async Task<int> InsertAsync(SalonClient salon, string staff, string busy)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ApiFactory.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("""
            INSERT INTO appointments (id, business_id, staff_id, service_id, status, start_at, end_at, occupied, busy,
                customer_name, version, created_at, updated_at)
            SELECT gen_random_uuid(), business_id, @staff, service_id, 'confirmed', lower(@busy::tstzmultirange), upper(@busy::tstzmultirange),
                range_merge(@busy::tstzmultirange), @busy::tstzmultirange, 'Raw SQL', 1, now(), now()
            FROM appointments WHERE business_id = @business LIMIT 1
            """, connection);
        command.Parameters.AddWithValue("business", Guid.Parse(salon.BusinessId));
        command.Parameters.AddWithValue("staff", Guid.Parse(staff));
        command.Parameters.AddWithValue("busy", busy);
        return await command.ExecuteNonQueryAsync();
    }
}
