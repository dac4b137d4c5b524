using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FastBooking.Api.Tests.Support;

namespace FastBooking.Api.Tests.Webhooks;

/// <summary>
/// Webhooks against real loopback receivers, on an engine of its own (real clock, its own projector leader, webhook
/// retries in test time): order and signatures, retries until a receiver recovers, a restart mid-delivery, and the
/// pull feed that carries the same events.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    /// <summary>
    /// An engine of its own with a salon (one staff member, one service) and a loopback receiver; at the end the receiver
    /// stops, the engine is disposed and its database dropped (its pooled connections with it).
    /// </summary>
    private sealed class Rig : IAsyncDisposable
    {
        public required SeparateEngine Engine { get; set; }
        public required LoopbackReceiver Receiver { get; init; }
        public required SalonClient Salon { get; init; }
        public required string Staff { get; init; }
        public required string Service { get; init; }

        public static async Task<Rig> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
        {
            var engine = await SeparateEngine.StartAsync(settings: settings);
            var salon = await SalonClient.CreateAsync(engine);
            var staff = await salon.AddStaffAsync();
            return new Rig
            {
                Engine = engine, Receiver = await LoopbackReceiver.StartAsync(), Salon = salon, Staff = staff,
                Service = await salon.AddServiceAsync([staff]),
            };
        }

        public async ValueTask DisposeAsync()
        {
            await Receiver.DisposeAsync();
            await Engine.DisposeAsync();
            await Engine.DropDatabaseAsync();
        }
    }

    private static readonly string[] AppointmentEvents = ["appointment.booked", "appointment.rescheduled", "appointment.cancelled"];

    /// <summary>An endpoint for the given types; appointment events unless told (the salon's setup is not what these tests watch).</summary>
    private static async Task<(string Id, string Secret)> RegisterAsync(SalonClient salon, string url, params string[] types)
    {
        var created = await SalonClient.Ok(salon.Http.PostAsJsonAsync("/v1/webhooks", new { url, eventTypes = types.Length == 0 ? AppointmentEvents : types }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await SalonClient.Json(created);
        return (body["id"]!.GetValue<string>(), body["secret"]!.GetValue<string>());
    }

    private static IEnumerable<string> AppointmentIds(IEnumerable<JsonNode> feed) =>
        feed.Where(e => AppointmentEvents.Contains(e["type"]!.GetValue<string>())).Select(e => e["id"]!.GetValue<string>());

    [Fact]
    public async Task A_receiver_sees_an_appointment_booked_rescheduled_and_cancelled_in_order_with_valid_signatures()
    {
        await using var rig = await Rig.StartAsync();
        var (receiver, salon, staff, service) = (rig.Receiver, rig.Salon, rig.Staff, rig.Service);
        var (_, secret) = await RegisterAsync(salon, receiver.Url);

        var id = await salon.BookedAsync(service, staff, RealClock.Start());
        await SalonClient.Ok(salon.RescheduleAsync(id, RealClock.Start(hour: 11)));
        await SalonClient.Ok(salon.CancelAsync(id, "Ill"));
        await receiver.WaitForAsync(r => r.Count >= 3, Patience);

        var got = receiver.Requests.ToList();
        Assert.Equal(["appointment.booked", "appointment.rescheduled", "appointment.cancelled"], got.Select(r => r.EventType));
        Assert.All(got, r => Assert.True(LoopbackReceiver.SignatureIsValid(r, secret, DateTimeOffset.UtcNow), r.Signature));
        var bodies = got.Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.Equal([1, 2, 3], bodies.Select(b => b["data"]!["appointment"]!["version"]!.GetValue<int>()));
        Assert.Equal(RealClock.Start(hour: 11), bodies[1]["data"]!["appointment"]!["start"]!.GetValue<string>());
        Assert.Equal("cancelled", bodies[2]["data"]!["appointment"]!["status"]!.GetValue<string>());
        Assert.Equal(got.Select(r => r.EventId), bodies.Select(b => b["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_receiver_that_fails_and_times_out_for_a_while_then_recovers_gets_every_event_once_after_deduplication()
    {
        await using var rig = await Rig.StartAsync();
        var (receiver, salon, staff, service) = (rig.Receiver, rig.Salon, rig.Staff, rig.Service);
        // 500, no answer within the engine's 2 s, 503, then well.
        receiver.Answer = n => n switch { 1 => (500, TimeSpan.Zero), 2 => (200, TimeSpan.FromSeconds(3)), 3 => (503, TimeSpan.Zero), _ => (200, TimeSpan.Zero) };
        var (webhook, _) = await RegisterAsync(salon, receiver.Url);

        var first = await salon.BookedAsync(service, staff, RealClock.Start(hour: 10));
        await salon.BookedAsync(service, staff, RealClock.Start(hour: 12));
        await SalonClient.Ok(salon.RescheduleAsync(first, RealClock.Start(hour: 14)));
        await receiver.WaitForAsync(r => r.Select(x => x.EventId).Distinct().Count() >= 3, Patience);
        var feed = await salon.EventsAsync(limit: 100);

        var got = receiver.Requests.ToList();
        Assert.Equal(AppointmentIds(feed), got.Select(r => r.EventId).Distinct());
        var deliveries = SalonClient.Items(await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync($"/v1/webhooks/{webhook}/deliveries"))));
        Assert.All(deliveries, d => Assert.Equal("delivered", d!["status"]!.GetValue<string>()));
        Assert.Equal(4, deliveries.Single(d => d!["eventId"]!.GetValue<string>() == got[0].EventId)!["attempts"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_engine_restart_mid_delivery_loses_no_event()
    {
        await using var rig = await Rig.StartAsync();
        var (receiver, salon, staff, service) = (rig.Receiver, rig.Salon, rig.Staff, rig.Service);
        receiver.Answer = _ => (200, TimeSpan.FromMilliseconds(300));
        await RegisterAsync(salon, receiver.Url, "appointment.booked");
        foreach (var hour in new[] { 9, 10, 11, 12, 13, 14 }) await salon.BookedAsync(service, staff, RealClock.Start(hour));
        await receiver.WaitForAsync(r => r.Count >= 2, Patience);

        await rig.Engine.DisposeAsync(); // mid-delivery: some sent, one perhaps cut off, the rest still queued
        var again = salon.On(rig.Engine = rig.Engine.Another());
        await receiver.WaitForAsync(r => r.Select(x => x.EventId).Distinct().Count() >= 6, Patience);

        var feed = await again.EventsAsync(limit: 2);
        Assert.Equal(AppointmentIds(feed), receiver.Requests.Select(r => r.EventId).Distinct());
    }

    [Fact]
    public async Task The_event_feed_pages_through_the_same_events_the_webhooks_deliver()
    {
        await using var rig = await Rig.StartAsync();
        var (receiver, salon, staff, service) = (rig.Receiver, rig.Salon, rig.Staff, rig.Service);
        // The salon's own setup (staff added, their hours, the service), in the feed before the endpoint exists.
        var setup = await salon.EventsAsync(limit: 100);
        for (var until = DateTime.UtcNow + Patience; setup.Count < 3 && DateTime.UtcNow < until; setup = await salon.EventsAsync(limit: 100))
            await Task.Delay(50);
        await RegisterAsync(salon, receiver.Url, [.. AppointmentEvents, "schedule.changed", "catalog.changed", "rules.changed"]);
        var id = await salon.BookedAsync(service, staff, RealClock.Start());
        await SalonClient.Ok(salon.CancelAsync(id));
        await SalonClient.Ok(salon.Http.PutAsJsonAsync($"/v1/staff/{staff}/breaks",
            new { days = new[] { new { weekday = "monday", intervals = new[] { new { start = "13:00", end = "14:00" } } } } }));
        await salon.BookedAsync(service, staff, RealClock.Start(hour: 15));
        await receiver.WaitForAsync(r => r.Count >= 4, Patience);

        var feed = await salon.EventsAsync(limit: 1);

        Assert.Contains(setup, e => e["type"]!.GetValue<string>() == "catalog.changed");
        Assert.Equal(setup.Count + 4, feed.Count);
        Assert.Equal(receiver.Requests.Select(r => JsonNode.Parse(r.Body)!.ToJsonString()), feed.Skip(setup.Count).Select(e => e.ToJsonString()));
        var schedule = feed.Single(e => e["type"]!.GetValue<string>() == "schedule.changed" && feed.IndexOf(e) >= setup.Count);
        Assert.Equal(staff, schedule["data"]!["staffId"]!.GetValue<string>());
        var next = await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync($"/v1/events?after={feed[^1]["cursor"]}")));
        Assert.Empty(SalonClient.Items(next));
        Assert.Equal(feed[^1]["cursor"]!.GetValue<string>(), next["next"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_quiet_business_polling_the_feed_moves_past_other_businesses_events_and_misses_none_of_its_own()
    {
        await using var rig = await Rig.StartAsync();
        var (salon, staff, service) = (rig.Salon, rig.Staff, rig.Service);
        var busy = await SalonClient.CreateAsync(rig.Engine);
        await busy.AddServiceAsync([await busy.AddStaffAsync()]);
        var busyFeed = await busy.EventsAsync(limit: 100);
        for (var until = DateTime.UtcNow + Patience; busyFeed.Count < 3 && DateTime.UtcNow < until; busyFeed = await busy.EventsAsync(limit: 100))
            await Task.Delay(50);
        var own = await salon.EventsAsync(limit: 100);

        var quiet = await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync($"/v1/events?after={own[^1]["cursor"]}")));
        var id = await salon.BookedAsync(service, staff, RealClock.Start());
        var booked = new List<JsonNode?>();
        for (var until = DateTime.UtcNow + Patience; booked.Count == 0 && DateTime.UtcNow < until; await Task.Delay(50))
            booked = SalonClient.Items(await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync($"/v1/events?after={quiet["next"]}")))).ToList();

        Assert.Empty(SalonClient.Items(quiet));
        Assert.True(long.Parse(quiet["next"]!.GetValue<string>()) >= long.Parse(busyFeed[^1]["cursor"]!.GetValue<string>()),
            $"next {quiet["next"]} is not past the other business's last event {busyFeed[^1]["cursor"]}");
        Assert.Equal(id, Assert.Single(booked)!["data"]!["appointment"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_endpoint_on_a_loopback_address_is_never_called_unless_private_networks_are_allowed()
    {
        await using var rig = await Rig.StartAsync(new Dictionary<string, string> { ["FastBooking:Webhooks:AllowPrivateNetworks"] = "false" });
        var (receiver, salon, staff, service) = (rig.Receiver, rig.Salon, rig.Staff, rig.Service);
        var (webhook, _) = await RegisterAsync(salon, receiver.Url);
        await salon.BookedAsync(service, staff, RealClock.Start());

        JsonNode? delivery = null;
        for (var until = DateTime.UtcNow + Patience; delivery?["attempts"]?.GetValue<int>() is null or 0 && DateTime.UtcNow < until; await Task.Delay(100))
            delivery = SalonClient.Items(await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync($"/v1/webhooks/{webhook}/deliveries")))).FirstOrDefault();

        Assert.Equal("pending", delivery!["status"]!.GetValue<string>());
        Assert.StartsWith("refused: 127.0.0.1 resolves only to private", delivery["lastError"]!.GetValue<string>());
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task A_failed_delivery_can_be_resent_and_an_endpoint_removed()
    {
        await using var rig = await Rig.StartAsync();
        var (receiver, salon, staff, service) = (rig.Receiver, rig.Salon, rig.Staff, rig.Service);
        var (webhook, _) = await RegisterAsync(salon, receiver.Url);
        await salon.BookedAsync(service, staff, RealClock.Start());
        await receiver.WaitForAsync(r => r.Count >= 1, Patience);
        var delivery = SalonClient.Items(await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync($"/v1/webhooks/{webhook}/deliveries"))))[0]!;

        var resent = await SalonClient.Ok(salon.Http.PostAsync($"/v1/webhooks/{webhook}/deliveries/{delivery["id"]}/resend", null));
        await receiver.WaitForAsync(r => r.Count >= 2, Patience);
        var listed = SalonClient.Items(await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync("/v1/webhooks"))));
        var removed = await salon.Http.DeleteAsync($"/v1/webhooks/{webhook}");

        Assert.Equal("pending", (await SalonClient.Json(resent))["status"]!.GetValue<string>());
        Assert.Equal(receiver.Requests.First().EventId, receiver.Requests.Last().EventId);
        Assert.Equal(webhook, Assert.Single(listed)!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await salon.Http.DeleteAsync($"/v1/webhooks/{webhook}")).StatusCode);
    }

    [Fact]
    public async Task An_endpoint_failing_for_the_whole_retry_period_is_disabled_visibly_and_a_resend_delivers_everything_it_missed()
    {
        await using var rig = await Rig.StartAsync(new Dictionary<string, string> { ["FastBooking:Webhooks:RetryPeriod"] = "00:00:01.500" });
        var (receiver, salon, staff, service) = (rig.Receiver, rig.Salon, rig.Staff, rig.Service);
        var failing = true;
        receiver.Answer = _ => (Volatile.Read(ref failing) ? 500 : 200, TimeSpan.Zero);
        var (webhook, _) = await RegisterAsync(salon, receiver.Url);
        await salon.BookedAsync(service, staff, RealClock.Start(hour: 10));

        JsonNode listed;
        var until = DateTime.UtcNow + Patience;
        do
        {
            await Task.Delay(100);
            listed = SalonClient.Items(await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync("/v1/webhooks"))))[0]!;
        } while (listed["disabledAt"] is null && DateTime.UtcNow < until);
        await salon.BookedAsync(service, staff, RealClock.Start(hour: 12)); // committed while the endpoint is off
        await Task.Delay(500);
        var sentWhileOff = receiver.Requests.Count;
        var failed = SalonClient.Items(await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync($"/v1/webhooks/{webhook}/deliveries"))));
        var health = await SalonClient.Json(await SalonClient.Ok(rig.Engine.CreateClient().GetAsync("/health/ready")));
        var unknown = await salon.Http.PostAsync($"/v1/webhooks/{webhook}/deliveries/999999999/resend", null);
        var stillOff = SalonClient.Items(await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync("/v1/webhooks"))))[0]!;

        Volatile.Write(ref failing, false);
        await SalonClient.Ok(salon.Http.PostAsync($"/v1/webhooks/{webhook}/deliveries/{failed[0]!["id"]}/resend", null));
        await receiver.WaitForAsync(r => r.Where(x => x.Number > sentWhileOff).Select(x => x.EventId).Distinct().Count() >= 2, Patience);

        Assert.Contains("failed for the whole retry period", listed["disabledReason"]!.GetValue<string>());
        await SalonClient.AssertProblem(unknown, HttpStatusCode.NotFound, "not_found");
        Assert.NotNull(stillOff["disabledAt"]); // a resend of no delivery turns nothing back on
        Assert.Equal("failed", Assert.Single(failed)!["status"]!.GetValue<string>());
        Assert.Equal(1, health["webhooks"]!["disabledEndpoints"]!.GetValue<int>());
        Assert.Equal(1, health["webhooks"]!["failed"]!.GetValue<int>());
        var feed = await salon.EventsAsync(limit: 100);
        Assert.Equal(AppointmentIds(feed), receiver.Requests.Where(x => x.Number > sentWhileOff).Select(x => x.EventId).Distinct());
    }

    [Fact]
    public async Task A_webhook_needs_an_http_url_and_known_event_types()
    {
        await using var rig = await Rig.StartAsync();
        var salon = rig.Salon;

        var ftp = await salon.Http.PostAsJsonAsync("/v1/webhooks", new { url = "ftp://example.com/x" });
        var unknown = await salon.Http.PostAsJsonAsync("/v1/webhooks", new { url = "https://example.com/x", eventTypes = new[] { "appointment.eaten" } });
        var badCursor = await salon.Http.GetAsync("/v1/events?after=-1");

        await SalonClient.AssertProblem(ftp, HttpStatusCode.BadRequest, "validation_failed");
        await SalonClient.AssertProblem(unknown, HttpStatusCode.BadRequest, "validation_failed");
        await SalonClient.AssertProblem(badCursor, HttpStatusCode.BadRequest, "validation_failed");
    }
}
