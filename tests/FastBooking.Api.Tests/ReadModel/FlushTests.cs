using FastBooking.Application.ReadModel;
using FastBooking.Domain.Businesses;
using System.Diagnostics;
using System.Net;
using FastBooking.Api.Tests.Support;
using FastBooking.Infrastructure.ReadModel;
using FastBooking.Domain.Staff;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace FastBooking.Api.Tests.ReadModel;

/// <summary>
/// Redis loses everything (FLUSHDB) in the middle of a test: answers stay right meanwhile, and the projector's next
/// pass rebuilds the read model and gives the fast path back. These tests flush the shared Redis, so they run alone.
/// </summary>
[Collection(ExclusiveApiCollection.Name)]
public sealed class FlushTests(ApiFactory api, ITestOutputHelper output) : ApiTest(api)
{
    private const string From = "2026-11-30";
    private const string To = "2026-12-06";

    /// <summary>Two staff, a service with buffers, bookings, a cancellation, time off, an override and a hold.</summary>
    private async Task<(SalonClient Salon, string First, string Second, string Service)> BusySalonAsync()
    {
        await Api.CatchUpAsync();
        var salon = await NewSalonAsync();
        var first = await salon.AddStaffAsync("First");
        var second = await salon.AddStaffAsync("Second", "11:00", "19:00");
        var service = await salon.AddServiceAsync([first, second], minutes: 45, before: 5, after: 10);
        await salon.BookedAsync(service, first, "2026-12-01T10:00:00Z");
        await salon.BookedAsync(service, second, "2026-12-01T12:00:00Z");
        await SalonClient.Ok(salon.CancelAsync(await salon.BookedAsync(service, null, "2026-12-02T14:00:00Z")));
        await SalonClient.Ok(salon.SendAsync(HttpMethod.Post, $"/v1/staff/{first}/time-off",
            new { start = "2026-12-03T09:00:00Z", end = "2026-12-03T13:00:00Z" }));
        await SalonClient.Ok(salon.SendAsync(HttpMethod.Put, $"/v1/staff/{second}/overrides/2026-12-04", new { intervals = Array.Empty<object>() }));
        await salon.HeldAsync(service, first, "2026-12-05T15:00:00Z");
        return (salon, first, second, service);
    }

    [Fact]
    public async Task Availability_stays_correct_when_redis_loses_a_business_keys()
    {
        var (salon, first, _, service) = await BusySalonAsync();
        var before = await Api.Services.AssertPathsAgreeAsync(salon, service, null, From, To);
        await using var redis = await ReadModelHelpers.ConnectRedisAsync();

        await redis.DeleteBusinessKeysAsync(salon.BusinessId);

        var (body, servedBy) = await salon.AvailabilityBodyAsync(service, null, From, To);
        var (truth, _) = await salon.AvailabilityBodyAsync(service, null, From, To, source: "postgres");
        Assert.Equal("redis", servedBy); // missing days are projected on demand
        Assert.Equal(truth, body);
        var after = await Api.Services.AssertPathsAgreeAsync(salon, service, null, From, To);
        AssertOnlyTheLostHoldCameBack(before, after, first);
    }

    [Fact]
    public async Task Bookings_after_redis_lost_a_business_keys_show_in_the_next_answer()
    {
        var (salon, first, _, service) = await BusySalonAsync();
        await using var redis = await ReadModelHelpers.ConnectRedisAsync();
        await redis.DeleteBusinessKeysAsync(salon.BusinessId);

        var id = await salon.BookedAsync(service, first, "2026-12-02T09:15:00Z");

        Assert.DoesNotContain("2026-12-02T09:15:00+00:00", SalonClient.Starts(await salon.AvailabilityAsync(service, From, To, first)));
        await Api.Services.AssertPathsAgreeAsync(salon, service, first, From, To);
        await SalonClient.Ok(salon.CancelAsync(id));
        Assert.Contains("2026-12-02T09:15:00+00:00", SalonClient.Starts(await salon.AvailabilityAsync(service, From, To, first)));
        await Api.Services.AssertPathsAgreeAsync(salon, service, null, From, To);
    }

    [Fact]
    public async Task The_rebuild_endpoint_restores_a_business_whose_keys_were_lost()
    {
        var (salon, _, _, _) = await BusySalonAsync();
        await using var redis = await ReadModelHelpers.ConnectRedisAsync();
        await redis.DeleteBusinessKeysAsync(salon.BusinessId);
        var lost = await salon.CheckAsync(From, To);
        Assert.False(lost["consistent"]!.GetValue<bool>());
        Assert.All(lost["differences"]!.AsArray(), d => Assert.Equal("missing", d!["kind"]!.GetValue<string>()));
        Assert.Equal(2 * 7, lost["differences"]!.AsArray().Count);

        var rebuilt = await salon.Http.PostAsync("/v1/read-model/rebuild", null);

        Assert.Equal(HttpStatusCode.NoContent, rebuilt.StatusCode);
        await salon.AssertConsistentAsync("2026-11-23", "2027-01-24"); // yesterday to the end of the booking window and beyond
    }

    [Fact]
    public async Task A_flush_keeps_answers_correct_and_catching_up_rebuilds_the_read_model()
    {
        var (salon, first, _, service) = await BusySalonAsync();
        var before = await Api.Services.AssertPathsAgreeAsync(salon, service, null, From, To);
        await using var redis = await ReadModelHelpers.ConnectRedisAsync();

        await redis.FlushRedisAsync();

        // Right after the flush (the projector has not rebuilt yet): the answers are PostgreSQL's, bookings show at once.
        var (body, _) = await salon.AvailabilityBodyAsync(service, null, From, To);
        Assert.Equal((await salon.AvailabilityBodyAsync(service, null, From, To, source: "postgres")).Body, body);
        AssertOnlyTheLostHoldCameBack(before, await Api.Services.AssertPathsAgreeAsync(salon, service, null, From, To), first);
        await salon.BookedAsync(service, first, "2026-12-02T09:15:00Z");
        Assert.DoesNotContain("2026-12-02T09:15:00+00:00", SalonClient.Starts(await salon.AvailabilityAsync(service, From, To, first)));
        await Api.Services.AssertPathsAgreeAsync(salon, service, first, From, To);

        // The next projector pass finds its position gone and rebuilds every business.
        var clock = Stopwatch.StartNew();
        await Api.CatchUpAsync();
        output.WriteLine($"catch-up after the flush took {clock.ElapsedMilliseconds} ms");

        Assert.True(await redis.GetDatabase().KeyExistsAsync(Api.StateKey()), "the projector's state is back in Redis");
        Assert.True(Api.Services.GetRequiredService<IReadModel>().IsCurrentFor(new BusinessId(Guid.Parse(salon.BusinessId))));
        var (_, servedBy) = await salon.AvailabilityBodyAsync(service, null, From, To);
        Assert.Equal("redis", servedBy);
        var report = await salon.CheckAsync("2026-11-23", "2027-01-24");
        Assert.True(report["consistent"]!.GetValue<bool>(), report.ToJsonString());
        Assert.Equal(2 * 63, report["staffDaysCompared"]!.GetValue<int>());
        await Api.Services.AssertPathsAgreeAsync(salon, service, null, From, To);
        // Redis lost the hold, PostgreSQL did not: the range is still held.
        await SalonClient.AssertProblem(await salon.HoldAsync(service, first, "2026-12-05T15:00:00Z"), HttpStatusCode.Conflict, "hold_conflict");
    }

    [Fact]
    public async Task Catching_up_after_a_flush_rebuilds_every_resource_units_days_as_well_as_the_staffs()
    {
        await Api.CatchUpAsync();
        var salon = await NewSalonAsync();
        var ann = await salon.AddStaffAsync("Ann");
        var (basin, _) = await salon.AddResourceKindAsync("Basin", 2);
        var wash = await salon.AddServiceAsync([ann], 30, resourceKind: basin);
        await salon.BookedAsync(wash, ann, "2026-12-01T10:00:00Z");
        await using var redis = await ReadModelHelpers.ConnectRedisAsync();

        await redis.FlushRedisAsync();
        await Api.CatchUpAsync();

        var report = await salon.CheckAsync("2026-11-23", "2027-01-24");
        Assert.True(report["consistent"]!.GetValue<bool>(), report.ToJsonString());
        Assert.Equal(3 * 63, report["staffDaysCompared"]!.GetValue<int>());
        await Api.Services.AssertPathsAgreeAsync(salon, wash, null, From, To);
    }

    [Fact]
    public async Task A_database_made_again_under_the_same_name_is_rebuilt_from_scratch_instead_of_taken_for_the_one_redis_knows()
    {
        var (salon, first, _, service) = await BusySalonAsync();
        await Api.CatchUpAsync();
        var business = new BusinessId(Guid.Parse(salon.BusinessId));
        await using var redis = await ReadModelHelpers.ConnectRedisAsync();
        // The old database's day: projected from a staff version this database has not reached, and closed all day.
        var day = RedisKeys.Day(business, new StaffId(Guid.Parse(first)), new NodaTime.LocalDate(2026, 12, 2));
        var old = new byte[((byte[])(await redis.GetDatabase().StringGetAsync(day))!).Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(old, long.MaxValue / 2);
        await redis.GetDatabase().StringSetAsync(day, old);
        await using (var db = new NpgsqlConnection(ApiFactory.PostgresConnectionString))
        {
            await db.OpenAsync();
            await using var remade = new NpgsqlCommand("UPDATE read_model_source SET id = gen_random_uuid() RETURNING id::text", db);
            var source = (string)(await remade.ExecuteScalarAsync())!;

            await Api.CatchUpAsync();

            Assert.Equal(source.Replace("-", ""), (string?)await redis.GetDatabase().HashGetAsync(Api.StateKey(), "source"));
        }
        Assert.True(Api.Services.GetRequiredService<IReadModel>().IsCurrentFor(business));
        var report = await salon.CheckAsync(From, To);
        Assert.True(report["consistent"]!.GetValue<bool>(), report.ToJsonString());
        var (body, servedBy) = await salon.AvailabilityBodyAsync(service, first, From, To);
        Assert.Equal("redis", servedBy);
        Assert.Equal((await salon.AvailabilityBodyAsync(service, first, From, To, source: "postgres")).Body, body);
    }

    /// <summary>The only slots that changed are around the hold Redis lost, which is free again for the first staff member.</summary>
    private static void AssertOnlyTheLostHoldCameBack(ReadModelHelpers.PathAnswer before, ReadModelHelpers.PathAnswer after, string first)
    {
        static bool NearTheLostHold(string slot) => slot.StartsWith("2026-12-05T14:") || slot.StartsWith("2026-12-05T15:");
        Assert.Equal(before.Slots.Where(s => !NearTheLostHold(s)), after.Slots.Where(s => !NearTheLostHold(s)));
        Assert.DoesNotContain(before.Slots, s => s.StartsWith("2026-12-05T15:00:00Z/") && s.Contains(first));
        Assert.Contains(after.Slots, s => s.StartsWith("2026-12-05T15:00:00Z/") && s.Contains(first));
    }
}
