using FastBooking.Application.Availability;
using System.Net;
using FastBooking.Api.Tests.Support;
using FastBooking.Application.Availability.Find;
using FastBooking.Domain.Businesses;
using FastBooking.Infrastructure.Holds;
using FastBooking.Infrastructure.ReadModel;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

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

    [Fact]
    public async Task The_rebuild_after_a_flush_puts_live_holds_back_into_redis()
    {
        var (salon, staff, service, token) = await HeldThenFlushedAsync();
        var noon = (await salon.HeldAsync(service, staff, "2026-12-01T12:00:00Z"))["token"]!.GetValue<string>();
        await using (var redis = await ReadModelHelpers.ConnectRedisAsync()) await redis.FlushRedisAsync();

        await Api.CatchUpAsync(); // finds the projector's state gone: rebuilds, holds first
        Assert.True(await RestoreAsync(salon)); // and restoring again changes nothing

        var fast = await Api.Services.AssertPathsAgreeAsync(salon, service, staff, "2026-12-01", "2026-12-01");
        Assert.DoesNotContain(fast.Slots, s => s.StartsWith(FreeAtTen));
        Assert.DoesNotContain(fast.Slots, s => s.StartsWith("2026-12-01T12:00:00Z/"));
        Assert.Equal(HttpStatusCode.Created, (await salon.BookWithHoldAsync(service, staff, Ten, token)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await salon.ReleaseHoldAsync(noon)).StatusCode);
        Assert.DoesNotContain((await Api.Services.AssertPathsAgreeAsync(salon, service, staff, "2026-12-01", "2026-12-01")).Slots, s => s.StartsWith(FreeAtTen));
        Assert.Contains((await Api.Services.FindAsync(salon, service, staff, "2026-12-01", "2026-12-01", ReadPath.Redis)).Slots,
            s => s.StartsWith("2026-12-01T12:00:00Z/"));
    }

    [Fact]
    public async Task Restoring_leaves_expired_holds_out()
    {
        var (salon, _, _, token) = await HeldThenFlushedAsync();
        Api.Clock.Advance(Duration.FromMinutes(6));

        await Api.CatchUpAsync(); // the rebuild restores what is live
        Assert.True(await RestoreAsync(salon));

        await using var redis = await ReadModelHelpers.ConnectRedisAsync();
        Assert.False(await redis.GetDatabase().KeyExistsAsync(RedisKeys.Hold(new BusinessId(Guid.Parse(salon.BusinessId)), token)));
    }

    private const string FreeAtTen = "2026-12-01T10:00:00Z/2026-12-01T10:30:00Z/";

    private async Task<bool> RestoreAsync(SalonClient salon)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HoldRestorer>()
            .RestoreAsync(new BusinessId(Guid.Parse(salon.BusinessId)), CancellationToken.None);
    }
}
