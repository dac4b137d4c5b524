using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FastBooking.LoadTests.Scenarios;

/// <summary>
/// The seeded demo salon as the API lists it (services and staff, read once), the dates the scenarios ask about and
/// the random choices of today's requests: a random service, staff member and quarter-hour start.
/// </summary>
public sealed class Salon
{
    public sealed record Service(string Id, int BufferBeforeMinutes, int BufferAfterMinutes);

    private readonly int _days;

    private Salon(IReadOnlyList<Service> services, IReadOnlyList<string> staff, Service focus, int days)
    {
        Services = services;
        Staff = staff;
        Focus = focus;
        _days = days;
        From = Date(1);
        To = Date(days);
    }

    public IReadOnlyList<Service> Services { get; }
    public IReadOnlyList<string> Staff { get; }

    /// <summary>The one service availability and the storm are about (--service-id, else the salon's first: Haircut).</summary>
    public Service Focus { get; }

    /// <summary>Tomorrow and today + --days (UTC dates): --days business days.</summary>
    public string From { get; }
    public string To { get; }

    public static async Task<Salon> LoadAsync(HttpClient http, Options options, CancellationToken ct)
    {
        var services = (await ItemsAsync(http, "/v1/services", ct))
            .Select(s => new Service(s["id"]!.GetValue<string>(), s["bufferBeforeMinutes"]?.GetValue<int>() ?? 0, s["bufferAfterMinutes"]?.GetValue<int>() ?? 0))
            .ToList();
        var staff = (await ItemsAsync(http, "/v1/staff", ct)).Select(s => s["id"]!.GetValue<string>()).ToList();
        if (services.Count == 0 || staff.Count == 0) throw new InvalidOperationException("The salon has no services or staff: start the engine with the demo seed.");
        var focus = options.ServiceId is null ? services[0]
            : services.FirstOrDefault(s => s.Id == options.ServiceId) ?? throw new ArgumentException($"--service-id {options.ServiceId}: no such service.");
        return new Salon(services, staff, focus, options.Days);
    }

    /// <summary>The items of a list, a page at a time.</summary>
    private static async Task<List<JsonNode>> ItemsAsync(HttpClient http, string path, CancellationToken ct)
    {
        var items = new List<JsonNode>();
        for (string? next = null; ;)
        {
            var page = (await http.GetFromJsonAsync<JsonObject>($"{path}?limit=500{(next is null ? "" : $"&next={next}")}", ct))!;
            items.AddRange(page["items"]!.AsArray().Select(i => i!));
            if ((next = page["next"]?.GetValue<string>()) is null) return items;
        }
    }

    /// <summary>Any-staff availability of a service over From…To; view "times" for the compact view, source to force a path.</summary>
    public string AvailabilityPath(string serviceId, string? view = null, string? source = null) =>
        $"/v1/availability?serviceId={serviceId}&from={From}&to={To}" + (view is null ? "" : $"&view={view}") + (source is null ? "" : $"&source={source}");

    /// <summary>The body of today's random booking (and, with a hold token, of the booking that confirms a hold).</summary>
    public static object BookingBody(string serviceId, string staffId, string start, string? holdToken = null) => holdToken is null
        ? new { serviceId, staffId, start, customer = new { name = "Load test" } }
        : new { serviceId, staffId, start, holdToken, customer = new { name = "Load test" } };

    public sealed record FreeSlot(string StaffId, string Start);

    /// <summary>
    /// Up to <paramref name="wanted"/> free (staff, start) pairs of the focus service whose occupied ranges (buffers
    /// included) do not overlap, from one uncached any-staff availability answer, in start order.
    /// </summary>
    public async Task<List<FreeSlot>> FreeSlotsAsync(HttpClient http, int wanted, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, AvailabilityPath(Focus.Id));
        request.Headers.CacheControl = new() { NoCache = true };
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var free = (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!["slots"]!.AsArray();
        var before = TimeSpan.FromMinutes(Focus.BufferBeforeMinutes);
        var after = TimeSpan.FromMinutes(Focus.BufferAfterMinutes);
        var taken = new Dictionary<string, List<(DateTimeOffset From, DateTimeOffset To)>>();
        var picked = new List<FreeSlot>();
        foreach (var slot in free)
        {
            var start = DateTimeOffset.Parse(slot!["start"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            var (from, to) = (start - before, DateTimeOffset.Parse(slot["end"]!.GetValue<string>(), CultureInfo.InvariantCulture) + after);
            foreach (var staff in slot["staffIds"]!.AsArray().Select(s => s!.GetValue<string>()))
            {
                var ranges = taken.TryGetValue(staff, out var list) ? list : taken[staff] = [];
                if (ranges.Any(r => r.From < to && from < r.To)) continue;
                ranges.Add((from, to));
                picked.Add(new FreeSlot(staff, slot["start"]!.GetValue<string>()));
                if (picked.Count == wanted) return picked;
            }
        }
        return picked;
    }

    public T Pick<T>(Random random, IReadOnlyList<T> list) => list[random.Next(list.Count)];

    /// <summary>A quarter-hour between 08:00 and 19:45 UTC on a day of the range: mostly inside someone's hours.</summary>
    public string RandomStart(Random random) =>
        DateTime.UtcNow.Date.AddDays(random.Next(1, _days + 1)).AddMinutes(8 * 60 + random.Next(0, 48) * 15)
            .ToString("yyyy-MM-ddTHH:mm:00Z", CultureInfo.InvariantCulture);

    private static string Date(int daysFromToday) => DateTime.UtcNow.Date.AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
