using FastBooking.Api.Tests.Support;
using StackExchange.Redis;

namespace FastBooking.Api.Tests.Booking;

/// <summary>
/// A booking does not re-project the read model on its request path: its reservation stays in Redis as the booking's
/// stand-in until the projector has applied the booking to the bitmaps, so no read sees the range free in between.
/// </summary>
public sealed class StandInTests
{
    private const string Day = "2026-12-15", Ten = "2026-12-15T10:00:00+00:00";

    [Fact]
    public async Task A_booking_stands_in_redis_as_a_reservation_while_no_projector_has_applied_it()
    {
        var apiOnly = await SeparateEngine.StartAsync(role: "Never"); // no projector runs anywhere
        try
        {
            var (salon, staff, service) = await SalonAsync(apiOnly);
            using var redis = await ReadModelHelpers.ConnectRedisAsync();

            var id = await salon.BookedAsync(service, staff, Ten);

            var standIn = Assert.Single(await redis.GetDatabase().SortedSetRangeByRankWithScoresAsync($"fb:{{{salon.BusinessId}}}:holds:{staff}"));
            Assert.EndsWith($":bkg_{Guid.Parse(id):N}", standIn.Element.ToString());
            var expiresIn = DateTimeOffset.FromUnixTimeMilliseconds((long)standIn.Score) - DateTimeOffset.UtcNow;
            Assert.InRange(expiresIn.TotalSeconds, 20, 30); // the hand-over's lifetime, not the 5 s of a reservation
            Assert.DoesNotContain(Ten, SalonClient.Starts(await salon.AvailabilityAsync(service, Day, Day)));
        }
        finally
        {
            await apiOnly.DisposeAsync();
            await apiOnly.DropDatabaseAsync();
        }
    }

    [Fact]
    public async Task The_projector_that_applies_a_booking_releases_its_stand_in_and_the_bitmap_shows_it()
    {
        var engine = await SeparateEngine.StartAsync();
        try
        {
            var (salon, staff, service) = await SalonAsync(engine);
            using var redis = await ReadModelHelpers.ConnectRedisAsync();
            var holds = (RedisKey)$"fb:{{{salon.BusinessId}}}:holds:{staff}";
            await Until(async () => (await salon.AvailabilityBodyAsync(service, staff, Day, Day)).ServedBy == "redis", "the read model is current");

            await salon.BookedAsync(service, staff, Ten);

            await Until(async () => await redis.GetDatabase().SortedSetLengthAsync(holds) == 0, "the projector releases the stand-in");
            var (body, servedBy) = await salon.AvailabilityBodyAsync(service, staff, Day, Day);
            Assert.Equal("redis", servedBy);
            Assert.DoesNotContain(Ten, SalonClient.Starts(System.Text.Json.Nodes.JsonNode.Parse(body)!)); // no hold left: the bitmap shows it
        }
        finally
        {
            await engine.DisposeAsync();
            await engine.DropDatabaseAsync();
        }
    }

    /// <summary>A salon on the engine with one staff member and one 30-minute service.</summary>
    private static async Task<(SalonClient Salon, string Staff, string Service)> SalonAsync(SeparateEngine engine)
    {
        var salon = await SalonClient.CreateAsync(engine);
        var staff = await salon.AddStaffAsync();
        return (salon, staff, await salon.AddServiceAsync([staff]));
    }

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, what);
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Cancelling_a_booking_before_the_projector_applied_it_releases_its_stand_in()
    {
        var apiOnly = await SeparateEngine.StartAsync(role: "Never");
        try
        {
            var (salon, staff, service) = await SalonAsync(apiOnly);
            using var redis = await ReadModelHelpers.ConnectRedisAsync();

            var id = await salon.BookedAsync(service, staff, Ten);
            await SalonClient.Ok(salon.CancelAsync(id));

            Assert.Equal(0, await redis.GetDatabase().SortedSetLengthAsync($"fb:{{{salon.BusinessId}}}:holds:{staff}"));
            Assert.Contains(Ten, SalonClient.Starts(await salon.AvailabilityAsync(service, Day, Day)));
        }
        finally
        {
            await apiOnly.DisposeAsync();
            await apiOnly.DropDatabaseAsync();
        }
    }
}
