using FastBooking.Application.Availability;
using System.Net;
using FastBooking.Api.Tests.Support;
using FastBooking.Application.Availability.Find;

namespace FastBooking.Api.Tests.ReadModel;

/// <summary>
/// Redis down (a host whose Redis is a closed port): availability comes from PostgreSQL and is still right, bookings
/// still work, new holds answer 503 holds_unavailable (holds placed before are PostgreSQL's: DurableHoldTests). The answers are compared with the Redis-backed host's, which reads
/// the same database.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RedisDownTests(ApiFactory api, NoRedisFactory down) : ApiTest(api)
{
    private const string Day = "2026-12-01";
    private const string Ten = "2026-12-01T10:00:00Z";

    /// <summary>A salon set up entirely through the host without Redis, whose clock starts afresh too.</summary>
    private async Task<(SalonClient Salon, string First, string Second, string Service)> SalonAsync()
    {
        down.Clock.Reset(ApiFactory.StandardNow);
        var salon = await SalonClient.CreateAsync(down);
        var first = await salon.AddStaffAsync("First");
        var second = await salon.AddStaffAsync("Second", "12:00", "18:00");
        var service = await salon.AddServiceAsync([first, second], minutes: 30, before: 5, after: 10);
        await SalonClient.Ok(salon.SendAsync(HttpMethod.Post, $"/v1/staff/{first}/time-off",
            new { start = "2026-12-01T14:00:00Z", end = "2026-12-01T15:00:00Z" }));
        return (salon, first, second, service);
    }

    [Fact]
    public async Task Availability_is_served_from_postgres_and_equals_the_redis_backed_answer()
    {
        var (salon, first, _, service) = await SalonAsync();
        await salon.BookedAsync(service, first, Ten);

        var (body, servedBy) = await salon.AvailabilityBodyAsync(service, null, Day, "2026-12-03");

        Assert.Equal("postgres", servedBy);
        var healthy = salon.On(Api);
        Assert.Equal((await healthy.AvailabilityBodyAsync(service, null, Day, "2026-12-03", source: "postgres")).Body, body);
        await Api.CatchUpAsync();
        var (fast, fastServedBy) = await healthy.AvailabilityBodyAsync(service, null, Day, "2026-12-03");
        Assert.Equal("redis", fastServedBy);
        Assert.Equal(fast, body);
    }

    [Fact]
    public async Task Availability_shows_bookings_and_schedule_at_once_when_redis_is_down()
    {
        var (salon, first, _, service) = await SalonAsync();
        await salon.BookedAsync(service, first, Ten);

        var starts = SalonClient.Starts(await salon.AvailabilityAsync(service, Day, Day, first));

        Assert.DoesNotContain("2026-12-01T10:00:00+00:00", starts);
        Assert.DoesNotContain("2026-12-01T10:30:00+00:00", starts); // 10:25–11:10 meets the 09:55–10:40 booking
        Assert.Contains("2026-12-01T10:45:00+00:00", starts);
        Assert.DoesNotContain("2026-12-01T14:00:00+00:00", starts); // time off
        Assert.Equal("2026-12-01T09:15:00+00:00", starts[0]); // 09:00 would start its buffer before opening
    }

    [Fact]
    public async Task A_forced_redis_read_falls_back_to_postgres_when_redis_is_down()
    {
        var (salon, _, _, service) = await SalonAsync();

        var direct = await down.Services.FindAsync(salon, service, null, Day, Day, ReadPath.Redis);
        var (_, servedBy) = await salon.AvailabilityBodyAsync(service, null, Day, Day, source: "redis");

        Assert.Equal(ReadPath.Postgres, direct.ServedBy);
        Assert.Equal("postgres", servedBy);
        Assert.Equal((await down.Services.FindAsync(salon, service, null, Day, Day, ReadPath.Postgres)).Slots, direct.Slots);
    }

    [Fact]
    public async Task Bookings_reschedules_and_cancels_work_when_redis_is_down()
    {
        var (salon, first, _, service) = await SalonAsync();

        var id = await salon.BookedAsync(service, first, Ten);
        var taken = await salon.BookAsync(service, first, "2026-12-01T10:15:00Z");
        var moved = await salon.RescheduleAsync(id, "2026-12-01T11:00:00Z");
        var cancelled = await salon.CancelAsync(id);

        await SalonClient.AssertProblem(taken, HttpStatusCode.Conflict, "slot_taken");
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(0, await salon.ConfirmedCountAsync());
        Assert.Contains("2026-12-01T11:00:00+00:00", SalonClient.Starts(await salon.AvailabilityAsync(service, Day, Day, first)));
    }

    [Fact]
    public async Task Holds_cannot_be_placed_when_redis_is_down_and_unknown_tokens_are_unknown_to_postgres_too()
    {
        var (salon, first, _, service) = await SalonAsync();

        var hold = await salon.HoldAsync(service, first, Ten);
        var release = await salon.ReleaseHoldAsync("hld_00000000000000000000000000000000");
        var bookWithToken = await salon.BookWithHoldAsync(service, first, Ten, "hld_00000000000000000000000000000000");

        await SalonClient.AssertProblem(hold, HttpStatusCode.ServiceUnavailable, "holds_unavailable");
        await SalonClient.AssertProblem(release, HttpStatusCode.NotFound, "not_found");
        await SalonClient.AssertProblem(bookWithToken, HttpStatusCode.Conflict, "hold_conflict");
        Assert.Equal(HttpStatusCode.Created, (await salon.BookAsync(service, first, Ten)).StatusCode); // without the token it books
    }

    [Fact]
    public async Task The_consistency_check_says_redis_did_not_answer_when_redis_is_down()
    {
        var (salon, _, _, _) = await SalonAsync();

        var report = await salon.CheckAsync(Day, Day);

        Assert.False(report["redisAnswered"]!.GetValue<bool>());
        Assert.False(report["consistent"]!.GetValue<bool>());
    }
}
