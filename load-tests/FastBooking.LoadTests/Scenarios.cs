using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FastBooking.LoadTests;

/// <summary>
/// The same scenarios as k6/*.js, against the seeded demo salon: its services and staff are read once from the API.
/// Each scenario is one request (or, for hold-and-book, the pair) with a random but valid choice.
/// </summary>
public sealed class Scenarios(HttpClient http, Options options, IReadOnlyList<string> services, IReadOnlyList<string> staff)
{
    private readonly string _from = DateTime.UtcNow.Date.AddDays(1).ToString("yyyy-MM-dd");
    private readonly string _to = DateTime.UtcNow.Date.AddDays(options.Days).ToString("yyyy-MM-dd");

    public static async Task<Scenarios> LoadAsync(HttpClient http, Options options)
    {
        var services = await IdsAsync(http, "/v1/services");
        var staff = await IdsAsync(http, "/v1/staff");
        if (services.Count == 0 || staff.Count == 0) throw new InvalidOperationException("The salon has no services or staff: start the engine with the demo seed.");
        return new Scenarios(http, options, services, staff);
    }

    /// <summary>The ids of a list, a page at a time.</summary>
    private static async Task<List<string>> IdsAsync(HttpClient http, string path)
    {
        var ids = new List<string>();
        for (string? next = null; ;)
        {
            var page = (await http.GetFromJsonAsync<JsonObject>($"{path}?limit=500{(next is null ? "" : $"&next={next}")}"))!;
            ids.AddRange(page["items"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
            if ((next = page["next"]?.GetValue<string>()) is null) return ids;
        }
    }

    public Func<Random, Task<int>> For(string name) => name switch
    {
        "availability-redis" => rng => AvailabilityAsync(rng, "redis"),
        "availability-postgres" => rng => AvailabilityAsync(rng, "postgres"),
        "availability" => rng => AvailabilityAsync(rng, null),
        "booking" => BookAsync,
        "hold-and-book" => HoldAndBookAsync,
        _ => throw new ArgumentException($"Unknown scenario {name}"),
    };

    /// <summary>Any-staff availability of one service over the whole range (20 staff × 14 days on the demo salon).</summary>
    private async Task<int> AvailabilityAsync(Random rng, string? source)
    {
        var url = $"/v1/availability?serviceId={Pick(rng, services)}&from={_from}&to={_to}" + (source is null ? "" : $"&source={source}");
        using var response = await http.GetAsync(url);
        await response.Content.LoadIntoBufferAsync();
        return (int)response.StatusCode;
    }

    private async Task<int> BookAsync(Random rng)
    {
        using var response = await http.PostAsJsonAsync("/v1/appointments", BookingBody(rng));
        return (int)response.StatusCode;
    }

    private async Task<int> HoldAndBookAsync(Random rng)
    {
        var (service, staffId, start) = (Pick(rng, services), Pick(rng, staff), RandomStart(rng));
        using var hold = await http.PostAsJsonAsync("/v1/holds", new { serviceId = service, staffId, start });
        if (!hold.IsSuccessStatusCode) return (int)hold.StatusCode;
        var token = (await hold.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        using var book = await http.PostAsJsonAsync("/v1/appointments",
            new { serviceId = service, staffId, start, holdToken = token, customer = new { name = "Load test" } });
        return (int)book.StatusCode;
    }

    private object BookingBody(Random rng) => new
    {
        serviceId = Pick(rng, services), staffId = Pick(rng, staff), start = RandomStart(rng),
        customer = new { name = "Load test" },
    };

    /// <summary>A quarter-hour between 08:00 and 19:45 UTC on a day of the range: mostly inside someone's hours.</summary>
    private string RandomStart(Random rng) =>
        DateTime.UtcNow.Date.AddDays(rng.Next(1, options.Days + 1)).AddMinutes(8 * 60 + rng.Next(0, 48) * 15).ToString("yyyy-MM-ddTHH:mm:00Z");

    private static string Pick(Random rng, IReadOnlyList<string> list) => list[rng.Next(list.Count)];
}
