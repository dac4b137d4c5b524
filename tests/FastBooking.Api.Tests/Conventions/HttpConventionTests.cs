using System.Net;
using System.Net.Http.Json;
using FastBooking.Api.Tests.Support;
using FastBooking.Infrastructure.Idempotency;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FastBooking.Api.Tests.Conventions;

/// <summary>Optimistic concurrency with ETag / If-Match, and Idempotency-Key on holds and setup calls.</summary>
[Collection(ApiCollection.Name)]
public sealed class HttpConventionTests(ApiFactory api) : ApiTest(api)
{
    private static HttpRequestMessage Post(string path, object body, string? key = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    [Fact]
    public async Task An_appointment_read_carries_its_version_as_etag()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var id = await salon.BookedAsync(service, staff, "2026-12-01T10:00:00Z");

        var read = await SalonClient.Ok(salon.Http.GetAsync($"/v1/appointments/{id}"));

        Assert.Equal("\"1\"", read.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task A_reschedule_made_against_a_stale_version_is_refused_with_412_and_changes_nothing()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var id = await salon.BookedAsync(service, staff, "2026-12-01T10:00:00Z");
        var moved = await SalonClient.Ok(salon.Http.SendAsync(Post($"/v1/appointments/{id}/reschedule", new { start = "2026-12-01T11:00:00Z" }, ifMatch: "\"1\"")));
        Assert.Equal("\"2\"", moved.Headers.ETag?.ToString());

        var stale = await salon.Http.SendAsync(Post($"/v1/appointments/{id}/reschedule", new { start = "2026-12-01T12:00:00Z" }, ifMatch: "\"1\""));
        var staleCancel = await salon.Http.SendAsync(Post($"/v1/appointments/{id}/cancel", new { }, ifMatch: "\"1\""));

        await SalonClient.AssertProblem(stale, HttpStatusCode.PreconditionFailed, "version_mismatch");
        await SalonClient.AssertProblem(staleCancel, HttpStatusCode.PreconditionFailed, "version_mismatch");
        var now = await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync($"/v1/appointments/{id}")));
        Assert.Equal(2, now["version"]!.GetValue<int>());
        Assert.Equal("confirmed", now["status"]!.GetValue<string>());
        Assert.Equal("2026-12-01T11:00:00+00:00", now["start"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_created_resource_is_answered_with_its_location_and_a_replay_names_the_same_one()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        var booked = await salon.BookAsync(service, staff, "2026-12-01T10:00:00Z", idempotencyKey: "loc-1");
        var replayed = await salon.BookAsync(service, staff, "2026-12-01T10:00:00Z", idempotencyKey: "loc-1");
        var hold = await salon.SendAsync(HttpMethod.Post, "/v1/holds", new { serviceId = service, staffId = staff, start = "2026-12-01T11:00:00Z" });

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var id = (await SalonClient.Json(booked))["id"]!.GetValue<string>();
        Assert.Equal($"/v1/appointments/{id}", booked.Headers.Location?.OriginalString);
        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(booked.Headers.Location, replayed.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, (await salon.Http.GetAsync(booked.Headers.Location)).StatusCode);
        Assert.Equal($"/v1/holds/{(await SalonClient.Json(hold))["token"]!.GetValue<string>()}", hold.Headers.Location?.OriginalString);
        var added = await salon.Http.PostAsJsonAsync("/v1/staff", new { name = "Bo" });
        Assert.Equal($"/v1/staff/{(await SalonClient.Json(added))["id"]!.GetValue<string>()}", added.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Without_if_match_a_change_applies_to_the_current_version_as_before()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var id = await salon.BookedAsync(service, staff, "2026-12-01T10:00:00Z");
        await SalonClient.Ok(salon.RescheduleAsync(id, "2026-12-01T11:00:00Z"));

        Assert.Equal(HttpStatusCode.OK, (await salon.CancelAsync(id)).StatusCode);
    }

    [Fact]
    public async Task A_malformed_if_match_is_a_field_error()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var id = await salon.BookedAsync(service, staff, "2026-12-01T10:00:00Z");

        var response = await salon.Http.SendAsync(Post($"/v1/appointments/{id}/cancel", new { }, ifMatch: "W/\"1\""));

        var problem = await SalonClient.AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotNull(problem["errors"]?["If-Match"]);
    }

    [Fact]
    public async Task A_retried_hold_gets_the_first_hold_back_marked_as_replayed()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var body = new { serviceId = service, staffId = staff, start = "2026-12-01T10:00:00Z" };

        var first = await salon.Http.SendAsync(Post("/v1/holds", body, key: "hold-1"));
        var retry = await salon.Http.SendAsync(Post("/v1/holds", body, key: "hold-1"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task A_retried_staff_creation_makes_one_staff_member()
    {
        var salon = await NewSalonAsync();

        var first = await salon.Http.SendAsync(Post("/v1/staff", new { name = "Bea" }, key: "staff-1"));
        var retry = await salon.Http.SendAsync(Post("/v1/staff", new { name = "Bea" }, key: "staff-1"));

        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(1, await salon.CountAsync("SELECT count(*) FROM staff WHERE business_id = @business"));
    }

    [Fact]
    public async Task A_retried_webhook_registration_makes_one_endpoint_and_answers_the_same_secret()
    {
        var salon = await NewSalonAsync();
        var body = new { url = "https://hooks.example.com/fastbooking" };

        var first = await salon.Http.SendAsync(Post("/v1/webhooks", body, key: "hook-1"));
        var retry = await salon.Http.SendAsync(Post("/v1/webhooks", body, key: "hook-1"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await salon.CountAsync("SELECT count(*) FROM webhooks WHERE business_id = @business"));
    }

    [Fact]
    public async Task Idempotency_records_past_their_retention_are_pruned_and_recent_ones_kept()
    {
        var salon = await NewSalonAsync();
        await SalonClient.Ok(salon.Http.SendAsync(Post("/v1/staff", new { name = "Old" }, key: "old")));
        Api.Clock.Advance(Duration.FromHours(25));
        await SalonClient.Ok(salon.Http.SendAsync(Post("/v1/staff", new { name = "New" }, key: "new")));

        await Api.Services.GetRequiredService<IdempotencyPruner>().PruneAsync(CancellationToken.None);

        Assert.Equal(0, await salon.CountAsync("SELECT count(*) FROM idempotency_records WHERE business_id = @business AND key = 'old'"));
        Assert.Equal(1, await salon.CountAsync("SELECT count(*) FROM idempotency_records WHERE business_id = @business AND key = 'new'"));
    }
}
