using System.Net;
using FastBooking.Api.Tests.Support;
using NodaTime;

namespace FastBooking.Api.Tests.Booking;

[Collection(ApiCollection.Name)]
public sealed class IdempotencyTests(ApiFactory api) : ApiTest(api)
{
    private const string Start = "2026-12-01T10:00:00Z";

    [Fact]
    public async Task Same_key_and_body_replays_the_first_response_and_books_once()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var first = await salon.BookAsync(service, staff, Start, idempotencyKey: "key-1");
        Api.Clock.Advance(Duration.FromMinutes(5)); // a replay must not show a later updatedAt

        var second = await salon.BookAsync(service, staff, Start, idempotencyKey: "key-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(1, await salon.CountAsync("SELECT count(*) FROM appointments WHERE business_id = @business"));
        Assert.Equal(1, await salon.CountAsync("SELECT count(*) FROM outbox WHERE business_id = @business AND type = 'appointment.changed'"));
    }

    [Fact]
    public async Task Same_key_with_another_body_is_refused_as_reused()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        await SalonClient.Ok(salon.BookAsync(service, staff, Start, idempotencyKey: "key-1"));

        var other = await salon.BookAsync(service, staff, "2026-12-01T11:00:00Z", idempotencyKey: "key-1");

        await SalonClient.AssertProblem(other, HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Equal(1, await salon.CountAsync("SELECT count(*) FROM appointments WHERE business_id = @business"));
    }

    [Fact]
    public async Task Same_key_on_another_endpoint_is_refused_as_reused()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var id = await salon.BookedAsync(service, staff, Start);
        await SalonClient.Ok(salon.BookAsync(service, staff, "2026-12-01T11:00:00Z", idempotencyKey: "key-1"));

        await SalonClient.AssertProblem(await salon.CancelAsync(id, idempotencyKey: "key-1"), HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");

        Assert.Equal(2, await salon.ConfirmedCountAsync());
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_and_body_book_once_and_answer_alike()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => salon.BookAsync(service, staff, Start, idempotencyKey: "key-1")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Equal(1, await salon.CountAsync("SELECT count(*) FROM appointments WHERE business_id = @business"));
    }

    [Fact]
    public async Task Different_keys_are_different_requests()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        await SalonClient.Ok(salon.BookAsync(service, staff, Start, idempotencyKey: "key-1"));

        var second = await salon.BookAsync(service, staff, Start, idempotencyKey: "key-2");

        await SalonClient.AssertProblem(second, HttpStatusCode.Conflict, "slot_taken");
    }

    [Fact]
    public async Task A_refusal_is_the_first_answer_and_is_replayed_to_a_retry()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var blocker = await salon.BookedAsync(service, staff, Start);
        var first = await salon.BookAsync(service, staff, Start, idempotencyKey: "key-1");
        await SalonClient.AssertProblem(first, HttpStatusCode.Conflict, "slot_taken");
        await SalonClient.Ok(salon.CancelAsync(blocker));

        var retry = await salon.BookAsync(service, staff, Start, idempotencyKey: "key-1");

        await SalonClient.AssertProblem(retry, HttpStatusCode.Conflict, "slot_taken");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(0, await salon.ConfirmedCountAsync());
    }

    [Fact]
    public async Task Same_key_on_cancel_replays_the_cancellation()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var id = await salon.BookedAsync(service, staff, Start);
        var first = await SalonClient.Ok(salon.CancelAsync(id, "ill", idempotencyKey: "cancel-1"));

        var second = await salon.CancelAsync(id, "ill", idempotencyKey: "cancel-1");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(2, await salon.CountAsync($"SELECT version FROM appointments WHERE id = '{id}'"));
    }

    [Fact]
    public async Task Same_key_on_reschedule_replays_the_move_and_moves_once()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var id = await salon.BookedAsync(service, staff, Start);
        var first = await SalonClient.Ok(salon.RescheduleAsync(id, "2026-12-01T14:00:00Z", idempotencyKey: "move-1"));

        var second = await salon.RescheduleAsync(id, "2026-12-01T14:00:00Z", idempotencyKey: "move-1");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(2, await salon.CountAsync($"SELECT version FROM appointments WHERE id = '{id}'"));
    }

    [Fact]
    public async Task Keys_belong_to_one_business()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var (other, otherStaff, otherService) = await NewSalonWithServiceAsync();
        await SalonClient.Ok(salon.BookAsync(service, staff, Start, idempotencyKey: "shared-key"));

        var response = await other.BookAsync(otherService, otherStaff, Start, idempotencyKey: "shared-key");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(otherStaff, (await SalonClient.Json(response))["staffId"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_overlong_key_is_rejected()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        var response = await salon.BookAsync(service, staff, Start, idempotencyKey: new string('k', 201));

        await SalonClient.AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(0, await salon.ConfirmedCountAsync());
    }
}
