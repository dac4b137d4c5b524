using System.Net;
using FastBooking.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FastBooking.Api.Tests.Integrity;

/// <summary>
/// PostgreSQL connections killed under the engine while bookings run (what a restart or an admin shutdown does to
/// them): each booking answers 201, 409, 422 or 503 with Retry-After — never a 500 — and every acknowledged booking is
/// stored, none overlapping. Bounded: a fixed number of bookings and of kills.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DatabaseFaultTests(ApiFactory api) : ApiTest(api)
{
    private static async Task KillEngineConnectionsAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(ApiFactory.PostgresConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var kill = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND usename = current_user AND pid <> pg_backend_pid()", connection);
        kill.Parameters.AddWithValue("db", builder.Database!);
        await kill.ExecuteScalarAsync();
    }

    [Fact]
    public async Task Bookings_while_database_connections_are_killed_answer_cleanly_and_lose_nothing()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var starts = Enumerable.Range(0, 48).Select(i => $"2026-12-0{1 + i / 16}T{9 + i % 16 / 2:D2}:{i % 2 * 30:D2}:00Z").ToList();

        var bookings = starts.Select(async (start, i) =>
        {
            await Task.Delay(i * 25); // bookings run on for a while after the last kill
            return await salon.BookAsync(service, staff, start, customer: $"Customer {i}");
        }).ToList();
        var kills = Task.Run(async () =>
        {
            for (var k = 0; k < 6; k++)
            {
                await Task.Delay(80);
                await KillEngineConnectionsAsync();
            }
        });
        var responses = await Task.WhenAll(bookings);
        await kills;
        // The kills took the test's own pooled connections too (the engine's pool heals by itself, below).
        using (var own = new NpgsqlConnection(ApiFactory.PostgresConnectionString)) NpgsqlConnection.ClearPool(own);

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.DoesNotContain(statuses, s => (int)s >= 500 && s != HttpStatusCode.ServiceUnavailable);
        foreach (var unavailable in responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable))
        {
            await SalonClient.AssertProblem(unavailable, HttpStatusCode.ServiceUnavailable, "unavailable");
            Assert.True(unavailable.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        }
        var acknowledged = new List<string>();
        foreach (var created in responses.Where(r => r.StatusCode == HttpStatusCode.Created))
            acknowledged.Add((await SalonClient.Json(created))["id"]!.GetValue<string>());
        Assert.NotEmpty(acknowledged);
        foreach (var id in acknowledged)
            Assert.Equal(1, await salon.CountAsync($"SELECT count(*) FROM appointments WHERE business_id = @business AND id = '{id}' AND status = 'confirmed'"));
        Assert.Equal(acknowledged.Count, await salon.ConfirmedCountAsync());
        Assert.Equal(0, await salon.OverlapCountAsync());
        // The engine recovers by itself: a pooled connection that was killed fails one request (503), then is gone.
        var recovered = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 50 && recovered == HttpStatusCode.ServiceUnavailable; attempt++)
            recovered = (await salon.BookAsync(service, staff, "2026-12-05T10:00:00Z")).StatusCode;
        Assert.Equal(HttpStatusCode.Created, recovered);
        // Leave no killed connection idle in the engine's pool for the tests that follow.
        Api.Services.GetRequiredService<NpgsqlDataSource>().Clear();
    }
}
