using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FastBooking.Api.Tests.Support;
using FastBooking.Application.ReadModel;
using FastBooking.Domain.Businesses;
using FastBooking.Infrastructure.ReadModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FastBooking.Api.Tests.ReadModel;

/// <summary>
/// One tenant's bad outbox row must not poison every tenant: it is retried a bounded number of times, then parked with
/// its error; its business reads from PostgreSQL meanwhile, every other business from Redis; an operator replays it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ParkedChangeTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task A_row_that_keeps_failing_is_parked_its_business_degraded_and_every_other_business_unaffected_until_replayed()
    {
        await Api.CatchUpAsync();
        var (broken, brokenStaff, _) = await NewSalonWithServiceAsync();
        var (healthy, healthyStaff, healthyService) = await NewSalonWithServiceAsync();
        await Api.CatchUpAsync();
        // A business whose stored data this version cannot read: every projection of it throws.
        await SqlAsync($"UPDATE businesses SET time_zone = 'Mars/Olympus' WHERE id = '{broken.BusinessId}'");
        var poisoned = (long)(await ScalarAsync($$"""
            INSERT INTO outbox (business_id, type, payload, created_at)
            VALUES ('{{broken.BusinessId}}', 'schedule.changed', '{"staffId":"{{brokenStaff}}"}', now()) RETURNING id
            """))!;
        try
        {
            var admin = Api.CreateClient();
            admin.DefaultRequestHeaders.Add("X-Admin-Key", ApiFactory.AdminKey);
            // Passes until it is parked, watched in the table: the parked-changes calls are throttled for all operators together.
            for (var pass = 0; pass < 30 && await ScalarAsync($"SELECT 1 FROM projector_parked WHERE outbox_id = {poisoned}") is null; pass++)
                await Api.CatchUpAsync();
            var list = await SalonClient.Json(await SalonClient.Ok(admin.GetAsync("/v1/parked-changes?limit=500")));
            var parked = SalonClient.Items(list).FirstOrDefault(p => p!["outboxId"]!.GetValue<long>() == poisoned);
            Assert.NotNull(parked);
            Assert.Equal(broken.BusinessId, parked["businessId"]!.GetValue<string>());
            Assert.Contains("Mars/Olympus", parked["error"]!.GetValue<string>());
            Assert.True(parked["attempts"]!.GetValue<int>() >= 3, parked.ToJsonString());

            var health = await SalonClient.Json(await SalonClient.Ok(Api.CreateClient().GetAsync("/health/ready")));
            Assert.True(health["readModel"]!["parked"]!.GetValue<int>() >= 1, health.ToJsonString());
            Assert.True(health["readModel"]!["degraded"]!.GetValue<int>() >= 1, health.ToJsonString());
            Assert.True(health["readModel"]!["current"]!.GetValue<bool>(), health.ToJsonString());

            var readModel = Api.Services.GetRequiredService<IReadModel>();
            await Api.Services.GetRequiredService<ReadinessMonitor>().RefreshAsync();
            Assert.False(readModel.IsCurrentFor(new BusinessId(Guid.Parse(broken.BusinessId))), "the broken business reads from PostgreSQL");
            Assert.True(readModel.IsCurrentFor(new BusinessId(Guid.Parse(healthy.BusinessId))), "every other business reads from Redis");
            var (_, servedBy) = await healthy.AvailabilityBodyAsync(healthyService, null, "2026-12-01", "2026-12-01");
            Assert.Equal("redis", servedBy);
            await healthy.HeldAsync(healthyService, healthyStaff, "2026-12-01T10:00:00Z");

            // Mended, and replayed: the row applies, leaves the parked list, and its business reads from Redis again.
            await SqlAsync($"UPDATE businesses SET time_zone = 'Europe/London' WHERE id = '{broken.BusinessId}'");
            var replay = await SalonClient.Json(await SalonClient.Ok(admin.PostAsJsonAsync("/v1/parked-changes/replay", new { outboxIds = new[] { poisoned } })));
            Assert.Equal([poisoned], replay["replayed"]!.AsArray().Select(id => id!.GetValue<long>()));
            Assert.Empty(replay["stillParked"]!.AsArray());
            await Api.CatchUpAsync();
            await Api.Services.GetRequiredService<ReadinessMonitor>().RefreshAsync();
            Assert.True(readModel.IsCurrentFor(new BusinessId(Guid.Parse(broken.BusinessId))));
            await broken.AssertConsistentAsync("2026-11-24", "2026-12-31", "after the replay");
        }
        finally
        {
            await SqlAsync($"UPDATE businesses SET time_zone = 'Europe/London' WHERE id = '{broken.BusinessId}'");
            await SqlAsync($"DELETE FROM projector_parked WHERE outbox_id = {poisoned}");
        }
    }

    [Fact]
    public async Task Parked_changes_are_for_platform_operators_only()
    {
        var salon = await NewSalonAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await salon.Http.GetAsync("/v1/parked-changes")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await salon.Http.PostAsJsonAsync("/v1/parked-changes/replay", new { })).StatusCode);
    }

    private static async Task SqlAsync(string sql) => await ScalarAsync(sql);

    private static async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ApiFactory.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
