using System.Net;
using FastBooking.Api.Tests.Support;

namespace FastBooking.Api.Tests.ReadModel;

/// <summary>
/// Redis loses its holds (FLUSHDB, as a restart without persistence would): PostgreSQL still knows them, so they keep
/// refusing everyone else and confirming for their holder. These tests flush the shared Redis, so they run alone.
/// </summary>
[Collection(ExclusiveApiCollection.Name)]
public sealed class HoldFlushTests(ApiFactory api) : ApiTest(api)
{
    private const string Ten = "2026-12-01T10:00:00Z";

    /// <summary>Once caught up: a salon with one staff member and one 30-minute service, and a hold at ten; then Redis is flushed.</summary>
    private async Task<(SalonClient Salon, string Staff, string Service, string Token)> HeldThenFlushedAsync()
    {
        await Api.CatchUpAsync();
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var token = (await salon.HeldAsync(service, staff, Ten))["token"]!.GetValue<string>();
        await using var redis = await ReadModelHelpers.ConnectRedisAsync();
        await redis.FlushRedisAsync();
        return (salon, staff, service, token);
    }

    [Fact]
    public async Task A_hold_redis_lost_still_refuses_a_booking_without_its_token_and_confirms_with_it()
    {
        var (salon, staff, service, token) = await HeldThenFlushedAsync();

        var without = await salon.BookAsync(service, staff, Ten);
        var overlapping = await salon.BookAsync(service, staff, "2026-12-01T10:15:00Z");
        var holder = await salon.BookWithHoldAsync(service, staff, Ten, token);

        await SalonClient.AssertProblem(without, HttpStatusCode.Conflict, "hold_conflict");
        await SalonClient.AssertProblem(overlapping, HttpStatusCode.Conflict, "hold_conflict");
        Assert.Equal(HttpStatusCode.Created, holder.StatusCode);
        Assert.Equal(1, await salon.ConfirmedCountAsync());
    }

    [Fact]
    public async Task A_hold_redis_lost_still_refuses_another_hold_on_its_range()
    {
        var (salon, staff, service, _) = await HeldThenFlushedAsync();
        await Api.CatchUpAsync();

        var again = await salon.HoldAsync(service, staff, "2026-12-01T10:15:00Z");

        await SalonClient.AssertProblem(again, HttpStatusCode.Conflict, "hold_conflict");
        Assert.Equal(HttpStatusCode.Created, (await salon.HoldAsync(service, staff, "2026-12-01T10:30:00Z")).StatusCode);
    }

    [Fact]
    public async Task A_hold_redis_lost_can_still_be_released()
    {
        var (salon, staff, service, token) = await HeldThenFlushedAsync();

        var released = await salon.ReleaseHoldAsync(token);

        Assert.Equal(HttpStatusCode.NoContent, released.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await salon.BookAsync(service, staff, Ten)).StatusCode);
    }
}
