using System.Net;
using System.Net.Http.Json;
using FastBooking.Api.Tests.Support;

namespace FastBooking.Api.Tests.Integrity;

/// <summary>
/// Control characters and out-of-range dates are refused field by field, before anything is parsed or stored: a NUL
/// must neither reach PostgreSQL (a 500) nor cut a value short (accepted as its prefix).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class InputHygieneTests(ApiFactory api) : ApiTest(api)
{
    private static async Task AssertFieldError(HttpResponseMessage response, string field)
    {
        var problem = await SalonClient.AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem["errors"]?[field] is not null, $"expected an error for '{field}': {problem.ToJsonString()}");
    }

    private Task<long> RowsAsync(SalonClient salon, string table) => salon.CountAsync(table switch
    {
        "appointments" => "SELECT count(*) FROM appointments WHERE business_id = @business",
        "staff" => "SELECT count(*) FROM staff WHERE business_id = @business",
        "time_off" => "SELECT count(*) FROM time_off t JOIN staff s ON s.id = t.staff_id WHERE s.business_id = @business",
        "weekly_ranges" => "SELECT count(*) FROM weekly_ranges w JOIN staff s ON s.id = w.staff_id WHERE s.business_id = @business",
        _ => throw new ArgumentOutOfRangeException(nameof(table)),
    });

    [Theory]
    [InlineData("Ann\u0000")]
    [InlineData("A\u0007nn")]
    [InlineData("\u009bAnn")]
    public async Task A_customer_name_with_a_control_character_is_rejected(string name)
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        await AssertFieldError(await salon.BookAsync(service, staff, "2026-12-01T10:00:00Z", customer: name), "customer.name");

        Assert.Equal(0, await RowsAsync(salon, "appointments"));
    }

    [Fact]
    public async Task Notes_may_span_lines_but_hold_no_other_control_character()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var body = (string notes) => new { serviceId = service, staffId = staff, start = "2026-12-01T10:00:00Z", customer = new { name = "Ann" }, notes };

        await AssertFieldError(await salon.Http.PostAsJsonAsync("/v1/appointments", body("fringe\u0000")), "notes");
        Assert.Equal(HttpStatusCode.Created, (await salon.Http.PostAsJsonAsync("/v1/appointments", body("fringe\r\n\tlong"))).StatusCode);
    }

    [Fact]
    public async Task A_start_followed_by_a_nul_is_not_taken_for_its_prefix()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        await AssertFieldError(await salon.BookAsync(service, staff, "2026-12-01T10:00:00Z\u0000junk"), "start");

        Assert.Equal(0, await RowsAsync(salon, "appointments"));
    }

    [Fact]
    public async Task Time_off_with_a_nul_in_its_end_or_reason_is_not_stored()
    {
        var (salon, staff, _) = await NewSalonWithServiceAsync();

        await AssertFieldError(await salon.Http.PostAsJsonAsync($"/v1/staff/{staff}/time-off",
            new { start = "2026-12-01T10:00:00Z", end = "2026-12-01T12:00:00Z\u0000junk" }), "end");
        await AssertFieldError(await salon.Http.PostAsJsonAsync($"/v1/staff/{staff}/time-off",
            new { start = "2026-12-01T10:00:00Z", end = "2026-12-01T12:00:00Z", reason = "flu\u0000" }), "reason");

        Assert.Equal(0, await RowsAsync(salon, "time_off"));
    }

    [Fact]
    public async Task A_local_time_followed_by_a_nul_is_rejected()
    {
        var (salon, staff, _) = await NewSalonWithServiceAsync();
        var before = await RowsAsync(salon, "weekly_ranges");

        var response = await salon.Http.PutAsJsonAsync($"/v1/staff/{staff}/working-hours",
            new { days = new[] { new { weekday = "monday", intervals = new[] { new { start = "09:00\u0000", end = "17:00" } } } } });

        await AssertFieldError(response, "days[0].intervals[0].start");
        Assert.Equal(before, await RowsAsync(salon, "weekly_ranges"));
    }

    [Fact]
    public async Task A_staff_name_with_a_nul_is_rejected()
    {
        var (salon, _, _) = await NewSalonWithServiceAsync();

        await AssertFieldError(await salon.Http.PostAsJsonAsync("/v1/staff", new { name = "Alex\u0000" }), "name");

        Assert.Equal(1, await RowsAsync(salon, "staff"));
    }

    [Fact]
    public async Task A_query_date_with_a_nul_and_more_after_it_is_rejected()
    {
        var (salon, _, service) = await NewSalonWithServiceAsync();

        await AssertFieldError(await salon.Http.GetAsync($"/v1/availability?serviceId={service}&from=2026-12-01%00'%20OR%201=1&to=2026-12-01"), "from");
    }

    [Fact]
    public async Task Dates_past_the_accepted_range_are_rejected_even_with_a_hold_in_place()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        Assert.Equal(HttpStatusCode.Created, (await salon.Http.PostAsJsonAsync("/v1/holds", new { serviceId = service, staffId = staff, start = "2026-12-01T10:00:00Z" })).StatusCode);

        await AssertFieldError(await salon.Http.GetAsync($"/v1/availability?serviceId={service}&staffId={staff}&from=2300-01-01&to=2300-01-02"), "from");
        await AssertFieldError(await salon.Http.GetAsync($"/v1/availability?serviceId={service}&staffId={staff}&from=1999-12-31&to=1999-12-31"), "from");
        Assert.Equal(HttpStatusCode.OK, (await salon.Http.GetAsync($"/v1/availability?serviceId={service}&staffId={staff}&from=2199-12-30&to=2199-12-31")).StatusCode);
    }

    [Theory]
    [InlineData("monday,tuesday")]
    [InlineData("1")]
    [InlineData("None")]
    public async Task A_weekday_is_one_exact_name(string weekday)
    {
        var (salon, staff, _) = await NewSalonWithServiceAsync();

        var response = await salon.Http.PutAsJsonAsync($"/v1/staff/{staff}/working-hours",
            new { days = new[] { new { weekday, intervals = new[] { new { start = "09:00", end = "17:00" } } } } });

        await AssertFieldError(response, "days[0].weekday");
    }

    [Fact]
    public async Task A_control_character_and_an_overlong_idempotency_key_together_answer_one_problem()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/appointments")
        {
            Content = JsonContent.Create(new { serviceId = service, staffId = staff, start = "2026-12-01T10:00:00Z", customer = new { name = "A\u0001nn" } }),
        };
        request.Headers.Add("Idempotency-Key", new string('k', 201));

        await AssertFieldError(await salon.Http.SendAsync(request), "customer.name");
    }
}
