using System.Net;
using FastBooking.Api.Tests.Support;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Staff;
using FastBooking.Infrastructure.ReadModel;
using NodaTime;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace FastBooking.Api.Tests.ReadModel;

/// <summary>
/// What a Redis Cluster asks of the read model (scripts/test.sh runs the read-model tests a second time against a
/// three-master cluster on loopback): a business's keys share one hash slot, so its multi-key Lua scripts and MGETs
/// are legal; and a run given several seed nodes really is on a cluster. On a single Redis these hold trivially.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ClusterTests(ApiFactory api, ITestOutputHelper output) : ApiTest(api)
{
    private const string Day = "2026-12-01";

    [Fact]
    public async Task Several_seed_nodes_mean_a_healthy_cluster_of_at_least_three_masters()
    {
        await using var redis = await ReadModelHelpers.ConnectRedisAsync();
        var seeds = ConfigurationOptions.Parse(ApiFactory.RedisConnectionString).EndPoints.Count;
        output.WriteLine($"FASTBOOKING_TEST_REDIS={ApiFactory.RedisConnectionString}: {(redis.IsCluster() ? "cluster" : "standalone")}, " +
                         $"masters {string.Join(" ", redis.Masters().Select(m => m.EndPoint))}");
        if (seeds < 2 && !redis.IsCluster()) return; // one standalone Redis: nothing to check

        Assert.True(redis.IsCluster(), $"{ApiFactory.RedisConnectionString} names several nodes but is not a Redis Cluster");
        Assert.True(redis.Masters().Count >= 3, $"a cluster of {redis.Masters().Count} master(s)");
        foreach (var master in redis.Masters())
        {
            var info = (await master.ExecuteAsync("CLUSTER", "INFO")).ToString();
            Assert.Contains("cluster_state:ok", info);
            Assert.Contains("cluster_slots_assigned:16384", info);
        }
    }

    [Fact]
    public async Task Every_key_of_a_business_is_in_one_hash_slot_on_one_master()
    {
        await Api.CatchUpAsync();
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        await salon.BookedAsync(service, staff, "2026-12-01T10:00:00Z");
        var hold = await salon.HeldAsync(service, staff, "2026-12-01T14:00:00Z");
        Assert.Equal(HttpStatusCode.Created, (await salon.HoldAsync(service, staff, "2026-12-01T15:00:00Z")).StatusCode);
        await salon.AssertConsistentAsync(Day, Day);

        await using var redis = await ReadModelHelpers.ConnectRedisAsync();
        var pattern = RedisKeys.Pattern(new BusinessId(Guid.Parse(salon.BusinessId)));
        var found = new List<(IServer Master, RedisKey Key)>();
        foreach (var master in redis.Masters())
            await foreach (var key in master.KeysAsync(pattern: pattern, pageSize: 1000)) found.Add((master, key));

        Assert.Contains(found, f => f.Key.ToString().Contains(":day:"));
        Assert.Contains(found, f => f.Key.ToString().Contains(":holds:"));
        Assert.Contains(found, f => f.Key.ToString().EndsWith($":hold:{hold["token"]!.GetValue<string>()}"));
        Assert.Single(found.Select(f => redis.HashSlot(f.Key)).Distinct());
        Assert.Single(found.Select(f => f.Master.EndPoint.ToString()).Distinct());
    }
}

/// <summary>
/// A cluster master that comes back empty (a restart without persistence) loses the businesses of its slots while the
/// projector's state, on another master, survives. The engine notices its connections to that master restored and the
/// leader rebuilds: answers come back right and from Redis, holds honoured. These tests empty one master, so they run
/// alone; on a single Redis (or when the state lives on the same master) there is no such partial loss and they only say so.
/// </summary>
[Collection(ExclusiveApiCollection.Name)]
public sealed class ClusterPartialLossTests(ApiFactory api, ITestOutputHelper output) : ApiTest(api)
{
    private const string From = "2026-11-30";
    private const string To = "2026-12-06";

    /// <summary>A salon with a booking and a hold, and the master its keys live on when that is not the position's.</summary>
    private async Task<(SalonClient Salon, string Staff, string Service, IServer? Master)> SalonOnAnotherMasterAsync(ConnectionMultiplexer redis)
    {
        await Api.CatchUpAsync();
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        await salon.BookedAsync(service, staff, "2026-12-01T10:00:00Z");
        await salon.HeldAsync(service, staff, "2026-12-02T10:00:00Z");
        await Api.CatchUpAsync();
        if (!redis.IsCluster())
        {
            output.WriteLine("not a Redis Cluster: a master cannot lose part of the read model");
            return (salon, staff, service, null);
        }
        var db = redis.GetDatabase();
        var day = RedisKeys.Day(new BusinessId(Guid.Parse(salon.BusinessId)), new StaffId(Guid.Parse(staff)), new LocalDate(2026, 12, 1));
        var business = await db.IdentifyEndpointAsync(day);
        var position = await db.IdentifyEndpointAsync(Api.StateKey());
        var master = Assert.Single(redis.Masters(), m => m.EndPoint.Equals(business));
        if (business!.Equals(position))
        {
            output.WriteLine($"the business and the projector state share master {business}: no partial loss to show");
            return (salon, staff, service, null);
        }
        output.WriteLine($"business on {business}, projector state on {position}");
        return (salon, staff, service, master);
    }

    [Fact]
    public async Task Answers_stay_right_and_from_redis_and_holds_honoured_when_a_master_comes_back_empty()
    {
        await using var redis = await ReadModelHelpers.ConnectRedisAsync();
        var (salon, staff, service, master) = await SalonOnAnotherMasterAsync(redis);
        var before = await Api.Services.AssertPathsAgreeAsync(salon, service, null, From, To);
        if (master is null) return;

        await RestartEmptyAsync(master);
        await UntilConsistentAsync(salon, From, To);

        var (body, servedBy) = await salon.AvailabilityBodyAsync(service, null, From, To);
        Assert.Equal("redis", servedBy);
        Assert.Equal((await salon.AvailabilityBodyAsync(service, null, From, To, source: "postgres")).Body, body);
        Assert.Equal(before.Slots, (await Api.Services.AssertPathsAgreeAsync(salon, service, null, From, To)).Slots); // the hold is back
        await SalonClient.AssertProblem(await salon.HoldAsync(service, staff, "2026-12-02T10:00:00Z"), HttpStatusCode.Conflict, "hold_conflict");
    }

    /// <summary>What a restart without persistence does to one master: the data goes, and so does every client's connection.</summary>
    private static async Task RestartEmptyAsync(IServer master)
    {
        await master.FlushDatabaseAsync();
        await master.ExecuteAsync("CLIENT", "KILL", "TYPE", "normal");
    }

    /// <summary>Catches up until the consistency check passes, at most 20 s: the leader rebuilds once it sees the master back.</summary>
    private async Task UntilConsistentAsync(SalonClient salon, string from, string to)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (!(await salon.CheckAsync(from, to))["consistent"]!.GetValue<bool>() && deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(200);
            await Api.CatchUpAsync();
        }
        await salon.AssertConsistentAsync(from, to);
    }

    /// <summary>
    /// A master that restarts comes back empty, while the projector's state, on another master, survives: the engine
    /// sees its connections to that master restored and the leader rebuilds every business.
    /// </summary>
    [Fact]
    public async Task Catching_up_rebuilds_the_businesses_of_a_master_that_came_back_empty()
    {
        await using var redis = await ReadModelHelpers.ConnectRedisAsync();
        var (salon, _, _, master) = await SalonOnAnotherMasterAsync(redis);
        if (master is null) return;

        await RestartEmptyAsync(master);

        await UntilConsistentAsync(salon, "2026-11-23", "2027-01-24"); // yesterday to the end of the booking window
    }
}
