using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using FastBooking.Api.Tests.Support;
using FastEndpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FastBooking.Api.Tests.Integrity;

/// <summary>
/// Every endpoint the engine serves, found from its route table (a new endpoint is fuzzed without being listed here),
/// gets a bounded number of hostile requests — malformed ids, control characters, wrong JSON types, huge numbers, far
/// dates, stray content types — with a fixed seed. None may answer 5xx, and every error is problem+json with a code.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FuzzTests(ApiFactory api) : ApiTest(api)
{
    private const int RequestsPerEndpoint = 40;

    private static readonly string[] Texts =
    [
        "", " ", "x", "not-a-guid", "00000000-0000-0000-0000-000000000000", "2026-12-01", "2026-12-01T10:00:00Z", "2026-12-01T10:00:00Z\u0000junk",
        "9999-12-31", "2300-01-01T00:00:00Z", "24:00", "09:00\u0000", "monday", "any", "redis", "postgres", "Europe/London", "Mars/Olympus",
        "'; DROP TABLE appointments; --", "\u0000", "\u202e\u0007", "é😀", new string('a', 5000), "-1", "1e309",
    ];

    private static readonly JsonNode?[] Scalars =
    [
        null, true, 0, -1, int.MaxValue, long.MaxValue, 1e308, 0.5, JsonValue.Create("x"), new JsonArray(), new JsonObject(),
    ];

    private sealed record Target(string Method, string Template, Type? Request);

    private List<Target> Targets()
    {
        var endpoints = Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Where(e => e.RoutePattern.RawText?.StartsWith("v1/", StringComparison.Ordinal) == true || e.RoutePattern.RawText?.StartsWith("/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m =>
                new Target(m, "/" + e.RoutePattern.RawText!.TrimStart('/'), e.Metadata.GetMetadata<EndpointDefinition>()?.ReqDtoType)))
            .OrderBy(t => t.Template).ThenBy(t => t.Method).ToList();
    }

    [Fact]
    public async Task No_endpoint_answers_5xx_or_an_error_that_is_not_problem_json()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var appointment = await salon.BookedAsync(service, staff, "2026-12-01T10:00:00Z");
        var ids = new[] { staff, service, appointment, Guid.NewGuid().ToString() };
        var targets = Targets();
        Assert.True(targets.Count >= 30, $"only {targets.Count} endpoints found");
        var random = new Random(20261202);
        var failures = new List<string>();

        foreach (var target in targets)
        {
            for (var i = 0; i < RequestsPerEndpoint; i++)
            {
                var path = Route(target.Template, random, ids);
                var fields = Fields(target.Request);
                var query = target.Method == "GET" || random.Next(4) == 0 ? Query(fields, random, ids) : "";
                var request = new HttpRequestMessage(new HttpMethod(target.Method), path + query);
                if (target.Method is "POST" or "PUT" && random.Next(6) != 0) request.Content = Body(fields, random, ids);
                if (random.Next(8) == 0) request.Headers.Add("Idempotency-Key", Pick(Texts, random).Replace("\u0000", "").Replace("\u0007", "").Replace("\u202e", ""));
                if (target.Template.StartsWith("/v1/businesses", StringComparison.Ordinal)) request.Headers.Add("X-Admin-Key", ApiFactory.AdminKey);

                var response = await salon.Http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                if (status >= 500)
                    failures.Add($"{target.Method} {path}{Shorten(query)} → {status}: {Shorten(body)}");
                else if (status >= 400 && (response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                                            || JsonNode.Parse(body)?["code"] is null))
                    failures.Add($"{target.Method} {path}{Shorten(query)} → {status} without problem+json: {Shorten(body)}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} bad answers:\n{string.Join("\n", failures.Take(20))}");
    }

    // A NUL in the path is refused by the server itself before any endpoint (the test host throws on it).
    private static string Route(string template, Random random, string[] ids) =>
        System.Text.RegularExpressions.Regex.Replace(template, "{[^}]+}", _ =>
            Uri.EscapeDataString((random.Next(3) == 0 ? Pick(Texts, random) : Pick(ids, random)).Replace("\u0000", "")));

    private static List<PropertyInfo> Fields(Type? request) =>
        request?.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList() ?? [];

    // Most fields get a plausible value and a few a hostile one, so that requests get past the first check and the
    // hostile value reaches parsing, the use case and the database.
    private static bool Hostile(Random random) => random.Next(4) == 0;

    private static string Query(List<PropertyInfo> fields, Random random, string[] ids)
    {
        var parts = fields.Where(f => f.PropertyType == typeof(string) || Nullable.GetUnderlyingType(f.PropertyType) is not null)
            .Where(_ => random.Next(6) != 0)
            .Select(f => $"{Camel(f.Name)}={Uri.EscapeDataString(Hostile(random) ? Value(random, ids) : Plausible(f.Name, ids)?.ToString() ?? "")}");
        var query = string.Join("&", parts);
        return query.Length == 0 ? "" : "?" + query;
    }

    private static HttpContent Body(List<PropertyInfo> fields, Random random, string[] ids)
    {
        if (random.Next(10) == 0) return new StringContent(Pick(Texts, random), Encoding.UTF8, random.Next(2) == 0 ? "application/json" : "text/plain");
        var json = new JsonObject();
        foreach (var f in fields.Where(_ => random.Next(8) != 0))
            json[Camel(f.Name)] = Node(f, random, ids, depth: 0);
        return new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json");
    }

    private static string Camel(string name) => $"{char.ToLowerInvariant(name[0])}{name[1..]}";

    /// <summary>What a well-behaved client would send in a field of this name.</summary>
    private static JsonNode? Plausible(string field, string[] ids) => field switch
    {
        "StaffId" => ids[0],
        "ServiceId" => ids[1],
        "Start" => "2026-12-02T11:00:00Z",
        "End" => "2026-12-02T12:00:00Z",
        "From" or "Date" => "2026-12-01",
        "To" => "2026-12-03",
        "TimeZone" => "Europe/London",
        "Weekday" => "monday",
        "Name" => "Ann",
        "Reason" or "Notes" => "fringe",
        "Limit" => 10,
        "DurationMinutes" => 30,
        "BufferBeforeMinutes" or "BufferAfterMinutes" => 5,
        "SlotIntervalMinutes" => 15,
        "LeadTimeMinutes" or "CancellationCutoffMinutes" or "RescheduleCutoffMinutes" => 60,
        "BookingWindowDays" => 60,
        "HoldTtlSeconds" => 300,
        _ => null,
    };

    private static JsonNode? Node(PropertyInfo field, Random random, string[] ids, int depth)
    {
        if (!Hostile(random) && Plausible(field.Name, ids) is { } plausible) return plausible;
        if (field.Name is "Start" or "End" && field.DeclaringType?.Name.Contains("TimeRange") == true && !Hostile(random))
            return field.Name == "Start" ? "09:00" : "17:00";
        return Node(field.PropertyType, random, ids, depth);
    }

    private static JsonNode? Node(Type type, Random random, string[] ids, int depth)
    {
        if (Hostile(random)) return Pick(Scalars, random)?.DeepClone();
        var element = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;
        if (element is not null && depth < 3)
            return new JsonArray(Enumerable.Range(0, random.Next(0, 4)).Select(_ => Node(element, random, ids, depth + 1)).ToArray());
        if (type == typeof(string)) return JsonValue.Create(Value(random, ids));
        if (type == typeof(int) || type == typeof(int?) || type == typeof(decimal?) || type == typeof(decimal)) return JsonValue.Create(random.Next(-2, 3) * (long)Math.Pow(10, random.Next(0, 12)));
        if (type.IsClass && depth < 3)
        {
            var nested = new JsonObject();
            foreach (var f in Fields(type).Where(_ => random.Next(8) != 0))
                nested[Camel(f.Name)] = Node(f, random, ids, depth + 1);
            return nested;
        }
        return Pick(Scalars, random)?.DeepClone();
    }

    private static string Value(Random random, string[] ids) => random.Next(3) == 0 ? Pick(ids, random) : Pick(Texts, random);

    private static T Pick<T>(T[] items, Random random) => items[random.Next(items.Length)];

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
