using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using FastBooking.Api.Common;
using FastBooking.Api.Features.Availability.Find;
using FastBooking.Api.Tests.Support;
using NodaTime;

namespace FastBooking.Api.Tests.Availability;

/// <summary>
/// Availability answers are a cache of the read model: served again only while nothing they depend on changed (the
/// business's generation in Redis, its catalog, the clock), validated by ETag, compressed when asked, in two views.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AvailabilityCacheTests(ApiFactory api) : ApiTest(api)
{
    private const string Day = "2026-12-01";

    private async Task<(SalonClient Salon, string Staff, string Service)> SalonAsync()
    {
        await Api.CatchUpAsync();
        return await NewSalonWithServiceAsync(rules: ReadModelHelpers.Rules(holdTtlSeconds: 300));
    }

    private static Task<HttpResponseMessage> GetAsync(SalonClient salon, string query, Action<HttpRequestHeaders>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/availability?{query}");
        headers?.Invoke(request.Headers);
        return salon.Http.SendAsync(request);
    }

    [Fact]
    public async Task Repeated_reads_carry_one_etag_that_answers_304_until_a_booking_changes_the_answer()
    {
        var (salon, staff, service) = await SalonAsync();
        var query = $"serviceId={service}&from={Day}&to={Day}";
        var first = await SalonClient.Ok(GetAsync(salon, query));
        var etag = first.Headers.ETag!.Tag;
        Assert.Equal("redis", first.Headers.GetValues("X-Served-By").Single());

        var again = await SalonClient.Ok(GetAsync(salon, query));
        var notModified = await GetAsync(salon, query, h => h.IfNoneMatch.Add(new EntityTagHeaderValue(etag)));
        await salon.BookedAsync(service, staff, "2026-12-01T10:00:00Z");
        var changed = await GetAsync(salon, query, h => h.IfNoneMatch.Add(new EntityTagHeaderValue(etag)));

        Assert.Equal(etag, again.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag!.Tag);
        Assert.DoesNotContain("2026-12-01T10:00:00+00:00", SalonClient.Starts(await SalonClient.Json(changed)));
    }

    [Fact]
    public async Task A_cached_answer_gives_a_held_slot_back_once_the_clock_passes_the_holds_expiry()
    {
        var (salon, staff, service) = await SalonAsync();
        await salon.HeldAsync(service, staff, "2026-12-01T10:00:00Z"); // expires at 12:05 on the 24th
        Assert.DoesNotContain("2026-12-01T10:00:00+00:00", SalonClient.Starts(await salon.AvailabilityAsync(service, Day, Day)));

        Api.Clock.Advance(Duration.FromMinutes(5) - Duration.FromMilliseconds(1));
        var stillHeld = SalonClient.Starts(await salon.AvailabilityAsync(service, Day, Day));
        Api.Clock.Advance(Duration.FromMilliseconds(1));
        var expired = SalonClient.Starts(await salon.AvailabilityAsync(service, Day, Day));

        Assert.DoesNotContain("2026-12-01T10:00:00+00:00", stillHeld);
        Assert.Contains("2026-12-01T10:00:00+00:00", expired);
    }

    [Fact]
    public async Task A_cached_answer_moves_its_first_start_as_the_lead_time_passes()
    {
        var (salon, _, service) = await SalonAsync(); // now 2026-11-24T12:00Z, lead time 60 min: 13:00 first
        Api.Clock.Reset(Instant.FromUtc(2026, 11, 24, 8, 0));
        Assert.Equal("2026-11-24T09:00:00+00:00", SalonClient.Starts(await salon.AvailabilityAsync(service, "2026-11-24", "2026-11-24"))[0]);

        Api.Clock.Advance(Duration.FromSeconds(1));

        Assert.Equal("2026-11-24T09:15:00+00:00", SalonClient.Starts(await salon.AvailabilityAsync(service, "2026-11-24", "2026-11-24"))[0]);
    }

    [Fact]
    public async Task A_catalog_change_replaces_the_cached_answer_at_once()
    {
        var (salon, staff, service) = await SalonAsync();
        Assert.Equal("2026-12-01T09:30:00+00:00", (await salon.AvailabilityAsync(service, Day, Day))["slots"]![0]!["end"]!.GetValue<string>());

        await SalonClient.Ok(salon.SendAsync(HttpMethod.Put, $"/v1/services/{service}",
            new { name = "Longer", durationMinutes = 45, bufferBeforeMinutes = 0, bufferAfterMinutes = 0, staff = new[] { new { staffId = staff } } }));

        Assert.Equal("2026-12-01T09:45:00+00:00", (await salon.AvailabilityAsync(service, Day, Day))["slots"]![0]!["end"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_times_view_lists_the_full_views_start_times_per_local_date_without_staff()
    {
        var salon = await NewSalonAsync();
        var ann = await salon.AddStaffAsync("Ann", "09:00", "12:00");
        var bob = await salon.AddStaffAsync("Bob", "10:00", "13:00");
        var service = await salon.AddServiceAsync([ann, bob], minutes: 60);
        await salon.BookedAsync(service, ann, "2026-12-02T09:00:00Z");

        var full = await salon.AvailabilityAsync(service, Day, "2026-12-02");
        var times = await SalonClient.Json(await SalonClient.Ok(GetAsync(salon, $"serviceId={service}&from={Day}&to=2026-12-02&view=times")));

        Assert.Equal("times", times["view"]!.GetValue<string>());
        var days = times["days"]!.AsArray();
        Assert.Equal([Day, "2026-12-02"], days.Select(d => d!["date"]!.GetValue<string>()));
        Assert.All(days, d => Assert.Equal("+00:00", d!["offset"]!.GetValue<string>()));
        var listed = days.SelectMany(d => d!["times"]!.AsArray().Select(t => $"{d["date"]!.GetValue<string>()}T{t!.GetValue<string>()}:00+00:00"));
        Assert.Equal(SalonClient.Starts(full), listed);
        Assert.DoesNotContain("staffIds", times.ToJsonString());
    }

    [Fact]
    public async Task A_date_whose_offset_changes_has_one_times_entry_per_offset()
    {
        var salon = await NewSalonAsync(timeZone: "America/New_York");
        var night = await salon.AddStaffAsync("Nia", "00:00", "24:00");
        var service = await salon.AddServiceAsync([night], minutes: 60);
        Api.Clock.Reset(Instant.FromUtc(2026, 10, 25, 12, 0));

        var times = await SalonClient.Json(await SalonClient.Ok(GetAsync(salon, $"serviceId={service}&from=2026-11-01&to=2026-11-01&view=times")));

        var days = times["days"]!.AsArray();
        Assert.Equal(["2026-11-01", "2026-11-01"], days.Select(d => d!["date"]!.GetValue<string>()));
        Assert.Equal(["-04:00", "-05:00"], days.Select(d => d!["offset"]!.GetValue<string>()));
        Assert.Equal("01:45", days[0]!["times"]!.AsArray()[^1]!.GetValue<string>());
        Assert.Equal("01:00", days[1]!["times"]!.AsArray()[0]!.GetValue<string>()); // the repeated hour, again
    }

    [Fact]
    public async Task The_full_view_is_byte_for_byte_what_the_serializer_writes_for_its_shape()
    {
        var salon = await NewSalonAsync(timeZone: "Asia/Kolkata");
        var ann = await salon.AddStaffAsync("Ann", "09:00", "17:00");
        var bob = await salon.AddStaffAsync("Bob", "11:00", "19:00");
        var service = await salon.AddServiceAsync([ann, bob], minutes: 45, before: 5, after: 10);

        var body = await (await SalonClient.Ok(GetAsync(salon, $"serviceId={service}&from={Day}&to=2026-12-03&timeZone=America/St_Johns"))).Content.ReadAsStringAsync();

        var shape = JsonSerializer.Deserialize<Response>(body, ApiJson.Options)!;
        Assert.NotEmpty(shape.Slots);
        Assert.Equal(JsonSerializer.Serialize(shape, ApiJson.Options), body);
    }

    [Fact]
    public async Task Compressed_answers_are_the_same_bytes_and_carry_their_own_etag()
    {
        var (salon, _, service) = await SalonAsync();
        var query = $"serviceId={service}&from={Day}&to=2026-12-07";
        var plain = await SalonClient.Ok(GetAsync(salon, query));

        var gzip = await SalonClient.Ok(GetAsync(salon, query, h => h.AcceptEncoding.ParseAdd("gzip")));
        var brotli = await SalonClient.Ok(GetAsync(salon, query, h => h.AcceptEncoding.ParseAdd("br;q=1, gzip;q=0.5")));

        var bytes = await plain.Content.ReadAsByteArrayAsync();
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.Equal(bytes, Decompressed(await gzip.Content.ReadAsByteArrayAsync(), s => new GZipStream(s, CompressionMode.Decompress)));
        Assert.Equal(bytes, Decompressed(await brotli.Content.ReadAsByteArrayAsync(), s => new BrotliStream(s, CompressionMode.Decompress)));
        Assert.Equal(3, new[] { plain, gzip, brotli }.Select(r => r.Headers.ETag!.Tag).Distinct().Count());
    }

    private static byte[] Decompressed(byte[] compressed, Func<Stream, Stream> decompressor)
    {
        using var output = new MemoryStream();
        using (var stream = decompressor(new MemoryStream(compressed))) stream.CopyTo(output);
        return output.ToArray();
    }
}

/// <summary>The cache across instances: each keeps its own answers, and each sees every other's change at once.</summary>
public sealed class AvailabilityCacheAcrossInstancesTests
{
    [Fact]
    public async Task An_answer_cached_on_one_instance_is_not_served_after_a_booking_on_another()
    {
        var first = await SeparateEngine.StartAsync();
        var second = first.Another();
        try
        {
            var salon = await SalonClient.CreateAsync(first);
            var staff = await salon.AddStaffAsync();
            var service = await salon.AddServiceAsync([staff]);
            const string day = "2026-12-14", ten = "2026-12-14T10:00:00+00:00";
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while ((await salon.AvailabilityBodyAsync(service, null, day, day)).ServedBy != "redis" ||
                   (await salon.On(second).AvailabilityBodyAsync(service, null, day, day)).ServedBy != "redis")
            {
                Assert.True(DateTime.UtcNow < deadline, "both instances answer from Redis");
                await Task.Delay(100);
            }
            Assert.Contains(ten, SalonClient.Starts(await salon.AvailabilityAsync(service, day, day)));
            Assert.Contains(ten, SalonClient.Starts(await salon.AvailabilityAsync(service, day, day))); // kept now

            await salon.On(second).BookedAsync(service, staff, ten);

            Assert.DoesNotContain(ten, SalonClient.Starts(await salon.AvailabilityAsync(service, day, day)));
        }
        finally
        {
            await second.DisposeAsync();
            await first.DisposeAsync();
            await first.DropDatabaseAsync();
        }
    }
}
