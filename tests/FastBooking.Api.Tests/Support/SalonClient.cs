using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace FastBooking.Api.Tests.Support;

/// <summary>
/// An HTTP client for one business created through the API, with helpers for the calls tests make most.
/// Times are written as the API takes them (ISO strings), so tests read like requests.
/// </summary>
public sealed class SalonClient
{
    public HttpClient Http { get; }
    public string BusinessId { get; }
    public string ApiKey { get; }

    private SalonClient(HttpClient http, string businessId, string apiKey)
    {
        Http = http;
        BusinessId = businessId;
        ApiKey = apiKey;
    }

    /// <summary>Creates a business (rules default unless given) and a client that sends its API key.</summary>
    public static async Task<SalonClient> CreateAsync(WebApplicationFactory<Program> factory, string timeZone = "Europe/London", object? rules = null)
    {
        var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Admin-Key", ApiFactory.AdminKey);
        var created = await admin.PostAsJsonAsync("/v1/businesses", new { name = "Test salon", timeZone, rules });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await Json(created);
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body["apiKey"]!.GetValue<string>());
        return new SalonClient(http, body["id"]!.GetValue<string>(), body["apiKey"]!.GetValue<string>());
    }

    /// <summary>The same business seen through another host of the API (same database, e.g. one without Redis).</summary>
    public SalonClient On(WebApplicationFactory<Program> factory)
    {
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return new SalonClient(http, BusinessId, ApiKey);
    }

    /// <summary>A staff member working the given hours every day of the week.</summary>
    public async Task<string> AddStaffAsync(string name = "Alex", string from = "09:00", string to = "17:00")
    {
        var staff = await Json(await Ok(Http.PostAsJsonAsync("/v1/staff", new { name })));
        var id = staff["id"]!.GetValue<string>();
        var days = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }
            .Select(d => new { weekday = d, intervals = new[] { new { start = from, end = to } } });
        await Ok(Http.PutAsJsonAsync($"/v1/staff/{id}/working-hours", new { days }));
        return id;
    }

    /// <param name="phases">(minutes, staff busy) in order, when the service has phases.</param>
    /// <param name="resourceKind">The resource kind the service needs a unit of, for its whole length or <paramref name="resourcePhase"/>.</param>
    public async Task<string> AddServiceAsync(IEnumerable<string> staff, int minutes = 30, int before = 0, int after = 0,
        IEnumerable<(int Minutes, bool StaffBusy)>? phases = null, string? resourceKind = null, int? resourcePhase = null)
    {
        var service = await Json(await Ok(Http.PostAsJsonAsync("/v1/services", new
        {
            name = $"Service {minutes}m", durationMinutes = minutes, bufferBeforeMinutes = before, bufferAfterMinutes = after,
            staff = staff.Select(s => new { staffId = s }),
            phases = phases?.Select(p => new { minutes = p.Minutes, staffBusy = p.StaffBusy }),
            resource = resourceKind is null ? null : new { kindId = resourceKind, phase = resourcePhase },
        })));
        return service["id"]!.GetValue<string>();
    }

    /// <summary>A resource kind with <paramref name="units"/> units: its id and its units' ids in number order.</summary>
    public async Task<(string Kind, List<string> Units)> AddResourceKindAsync(string name, int units)
    {
        var kind = await Json(await Ok(Http.PostAsJsonAsync("/v1/resource-kinds", new { name, units })));
        return (kind["id"]!.GetValue<string>(), kind["units"]!.AsArray().Select(u => u!["id"]!.GetValue<string>()).ToList());
    }

    /// <summary>Pairs of this salon's confirmed appointments using one resource unit at overlapping times: must stay 0.</summary>
    public Task<long> UnitOverlapCountAsync() => CountAsync("""
        SELECT count(*) FROM appointments a JOIN appointments b
          ON a.resource_unit_id = b.resource_unit_id AND a.id < b.id AND a.resource_range && b.resource_range
        WHERE a.business_id = @business AND a.status = 'confirmed' AND b.status = 'confirmed'
        """);

    public Task<HttpResponseMessage> BookAsync(string serviceId, string? staffId, string start, string? idempotencyKey = null, string customer = "Ann")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/appointments")
        {
            Content = JsonContent.Create(new { serviceId, staffId, start, customer = new { name = customer } }),
        };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> CancelAsync(string appointmentId, string? reason = null, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, $"/v1/appointments/{appointmentId}/cancel", new { reason }, idempotencyKey);

    public Task<HttpResponseMessage> RescheduleAsync(string appointmentId, string start, string? staffId = null, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, $"/v1/appointments/{appointmentId}/reschedule", new { start, staffId }, idempotencyKey);

    /// <summary>Books and returns the new appointment's id, failing the test when the booking is refused.</summary>
    public async Task<string> BookedAsync(string serviceId, string? staffId, string start) =>
        (await Json(await Ok(BookAsync(serviceId, staffId, start))))["id"]!.GetValue<string>();

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return Http.SendAsync(request);
    }

    /// <summary>A scalar from PostgreSQL, straight through Npgsql; <c>@business</c> is this salon's id.</summary>
    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ApiFactory.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("business", Guid.Parse(BusinessId));
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Confirmed appointments of this salon.</summary>
    public Task<long> ConfirmedCountAsync() =>
        CountAsync("SELECT count(*) FROM appointments WHERE business_id = @business AND status = 'confirmed'");

    /// <summary>Pairs of this salon's confirmed appointments whose busy ranges overlap for one staff member: must stay 0.</summary>
    public Task<long> OverlapCountAsync() => CountAsync("""
        SELECT count(*) FROM appointments a JOIN appointments b
          ON a.staff_id = b.staff_id AND a.id < b.id AND a.busy && b.busy
        WHERE a.business_id = @business AND a.status = 'confirmed' AND b.status = 'confirmed'
        """);

    public async Task<JsonNode> AvailabilityAsync(string serviceId, string from, string to, string? staffId = null)
    {
        var staff = staffId is null ? "" : $"&staffId={staffId}";
        return await Json(await Ok(Http.GetAsync($"/v1/availability?serviceId={serviceId}&from={from}&to={to}{staff}")));
    }

    /// <summary>The items of one page of a list answer (<c>{ items, next }</c>).</summary>
    public static JsonArray Items(JsonNode page) => page["items"]!.AsArray();

    /// <summary>The business's change feed from its start, page by page, as far as it is positioned now.</summary>
    public async Task<List<JsonNode>> EventsAsync(int limit = 100)
    {
        var events = new List<JsonNode>();
        var after = "0";
        while (true)
        {
            var page = await Json(await Ok(Http.GetAsync($"/v1/events?after={after}&limit={limit}")));
            var items = Items(page);
            if (items.Count == 0) return events;
            events.AddRange(items.Select(i => i!.DeepClone()));
            after = page["next"]!.GetValue<string>();
        }
    }

    /// <summary>The starts of an availability answer, as the API wrote them.</summary>
    public static List<string> Starts(JsonNode availability) =>
        availability["slots"]!.AsArray().Select(s => s!["start"]!.GetValue<string>()).ToList();

    public static async Task<JsonNode> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new JsonException("Empty body");

    /// <summary>Asserts a 2xx answer, showing the body when it is not.</summary>
    public static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        if (!response.IsSuccessStatusCode)
            Assert.Fail($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    /// <summary>Asserts a problem+json answer with the given status and stable code.</summary>
    public static async Task<JsonNode> AssertProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal(code, problem["code"]!.GetValue<string>());
        return problem;
    }
}
