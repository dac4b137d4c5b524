using System.Diagnostics;
using FastBooking.Api.Tests.Support;
using FastBooking.Infrastructure.ReadModel;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FastBooking.Api.Tests.ReadModel;

/// <summary>
/// Several instances on one database: one projector leader, elected through PostgreSQL; a verdict on the read model
/// that every instance shares through Redis; fail-over when the leader goes. Each test has a database of its own.
/// </summary>
public sealed class ProjectorLeadershipTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Exactly_one_of_two_instances_leads_and_the_other_takes_over_within_seconds_when_it_stops()
    {
        var first = await SeparateEngine.StartAsync();
        var second = first.Another();
        try
        {
            await Until(() => Leaders(first, second) == 1, "one leader");
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal(1, Leaders(first, second)); // and it stays one
            var (leader, follower) = Leads(first) ? (first, second) : (second, first);
            await Until(async () => (await Readiness(follower).RefreshAsync()).Current, "the follower reads the leader's verdict: current");
            var before = await Readiness(follower).RefreshAsync();
            Assert.Equal(leader.Services.GetRequiredService<OutboxProjector>().Name, before.Leader);

            var clock = Stopwatch.StartNew();
            await leader.DisposeAsync();
            await Until(() => Leads(follower), "the follower leads");
            output.WriteLine($"fail-over took {clock.ElapsedMilliseconds} ms");
            await Until(async () => (await Readiness(follower).RefreshAsync()).Leader == follower.Services.GetRequiredService<OutboxProjector>().Name,
                "the new leader publishes");
            var after = await Readiness(follower).RefreshAsync();
            Assert.True(after.Current);
            Assert.True(after.Position >= before.Position, $"the position moved from {before.Position} back to {after.Position}");
        }
        finally
        {
            await second.DisposeAsync();
            await first.DisposeAsync();
            await first.DropDatabaseAsync();
        }
    }

    [Fact]
    public async Task An_instance_that_may_not_lead_never_does_yet_reads_from_redis_while_the_leader_says_it_is_current()
    {
        var leader = await SeparateEngine.StartAsync();
        var apiOnly = leader.Another(role: "Never");
        try
        {
            await Until(() => Leads(leader), "the first instance leads");
            await leader.DisposeAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.False(Leads(apiOnly));
            // With no live leader the verdict lapses with the heartbeat, and the instance stops trusting Redis.
            await Until(async () => (await Readiness(apiOnly).RefreshAsync()).Leader is null, "the heartbeat lapses");
            Assert.False((await Readiness(apiOnly).RefreshAsync()).IsCurrentFor(new Domain.Businesses.BusinessId(Guid.NewGuid())));
        }
        finally
        {
            await apiOnly.DisposeAsync();
            await leader.DisposeAsync();
            await leader.DropDatabaseAsync();
        }
    }

    [Fact]
    public async Task The_published_position_never_moves_backwards()
    {
        var engine = await SeparateEngine.StartAsync();
        try
        {
            var store = engine.Services.GetRequiredService<ProjectorStatusStore>();
            await Until(async () => (await store.ReadAsync())?.Position is not null, "a position");
            var state = (await store.ReadAsync())!;
            Assert.True(await store.PublishAsync(state.Epoch!, state.Position!.Value + 10, state.Position.Value + 10, 0, true, "test", TimeSpan.FromSeconds(5), 0, []));
            Assert.True(await store.PublishAsync(state.Epoch!, state.Position.Value + 3, state.Position.Value + 10, 0, true, "test", TimeSpan.FromSeconds(5), 0, []));
            Assert.Equal(state.Position.Value + 10, (await store.ReadAsync())!.Position);
        }
        finally
        {
            await engine.DisposeAsync();
            await engine.DropDatabaseAsync();
        }
    }

    [Fact]
    public async Task A_flush_during_a_rebuild_is_noticed_and_the_rebuild_starts_over_in_a_new_epoch()
    {
        var engine = await SeparateEngine.StartAsync(role: "Never");
        try
        {
            var store = engine.Services.GetRequiredService<ProjectorStatusStore>();
            Assert.True(await store.BeginRebuildAsync("epoch-1", 0, "test", TimeSpan.FromSeconds(5), "source-1"));
            await using var redis = await ReadModelHelpers.ConnectRedisAsync();
            await redis.GetDatabase().KeyDeleteAsync(store.StateKey); // what FLUSHALL does to it

            Assert.False(await store.BeatAsync("epoch-1", "test", TimeSpan.FromSeconds(5), position: 0), "a rebuild whose epoch was flushed cannot finish");
            Assert.False(await store.PublishAsync("epoch-1", 0, 0, 0, true, "test", TimeSpan.FromSeconds(5), 0, []));
            Assert.Null((await store.ReadAsync())!.Position);

            var projector = engine.Services.GetRequiredService<OutboxProjector>();
            await projector.CatchUpAsync(CancellationToken.None);
            var rebuilt = (await store.ReadAsync())!;
            Assert.NotEqual("epoch-1", rebuilt.Epoch);
            Assert.True(rebuilt.Current && rebuilt.Position is not null, "the next pass rebuilt and published");
        }
        finally
        {
            await engine.DisposeAsync();
            await engine.DropDatabaseAsync();
        }
    }

    private static bool Leads(SeparateEngine engine) => engine.Services.GetRequiredService<ProjectorLeadership>().Leading;

    private static int Leaders(params SeparateEngine[] engines) => engines.Count(Leads);

    private static ReadinessMonitor Readiness(SeparateEngine engine) => engine.Services.GetRequiredService<ReadinessMonitor>();

    private static Task Until(Func<bool> condition, string what) => Until(() => Task.FromResult(condition()), what);

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > Bound) Assert.Fail($"not within {Bound.TotalSeconds} s: {what}");
            await Task.Delay(100);
        }
    }
}
