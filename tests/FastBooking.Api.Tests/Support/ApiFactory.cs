using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using Npgsql;
using NodaTime.Testing;

namespace FastBooking.Api.Tests.Support;

/// <summary>
/// The API in-process against a real PostgreSQL and Redis (<see cref="TestServices"/>: scripts/test.sh's loopback ones, or containers).
/// Every test creates its own business, so tests need no database reset: tenants never see each other.
/// The clock is fake: every test starts at <see cref="StandardNow"/> (see <see cref="ApiTest"/>) and may move it.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key";

    /// <summary>
    /// A database of this test run's own, made next to the one FASTBOOKING_TEST_POSTGRES names: a run starts empty, and a
    /// full read-model rebuild (after a Redis flush) only has this run's businesses to rebuild.
    /// </summary>
    public static string PostgresConnectionString => RunDatabase.Value;

    private static readonly Lazy<string> RunDatabase = new(CreateRunDatabase);

    private static string CreateRunDatabase()
    {
        var server = TestServices.Postgres;
        var startedAt = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var name = $"fbtest_{startedAt}_{Environment.ProcessId}";
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            // Runs that died before dropping theirs leave databases behind: drop those over three hours old.
            var stale = new List<string>();
            using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'fbtest\\_%'", connection))
            using (var reader = list.ExecuteReader())
                while (reader.Read()) stale.Add(reader.GetString(0));
            foreach (var old in stale.Where(d => long.TryParse(d.Split('_')[1], out var t) && startedAt - t > 3 * 3600))
                using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{old}\" WITH (FORCE)", connection)) drop.ExecuteNonQuery();
            using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection)) create.ExecuteNonQuery();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropRunDatabase(server, name);
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static void DropRunDatabase(string server, string name)
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // Best effort: the next run drops it once it is old.
        }
    }

    /// <summary>
    /// One Redis, or the seed nodes of a Redis Cluster (scripts/test.sh's second run, on scripts/redis-cluster.sh):
    /// see <see cref="TestServices"/>.
    /// </summary>
    public static string RedisConnectionString => TestServices.Redis;

    private static readonly ConcurrentDictionary<ApiFactory, byte> Started = new();

    /// <summary>The hosts of this test process that are running now, each with its outbox projector.</summary>
    public static IEnumerable<ApiFactory> Running => Started.Keys;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        Started[this] = 0;
        return host;
    }

    protected override void Dispose(bool disposing)
    {
        Started.TryRemove(this, out _);
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync()
    {
        Started.TryRemove(this, out _);
        return base.DisposeAsync();
    }

    /// <summary>The suite's "now": a Tuesday a week before the days most tests book (2026-12-01), so they are bookable.</summary>
    public static readonly Instant StandardNow = Instant.FromUtc(2026, 11, 24, 12, 0);

    public FakeClock Clock { get; } = new(StandardNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // PostgreSQL's default max_connections (100) is shared with other test processes: the concurrency tests
        // (200 requests at once) must queue for a pooled connection rather than be refused by the server (53300).
        builder.UseSetting("ConnectionStrings:Postgres",
            new NpgsqlConnectionStringBuilder(PostgresConnectionString) { MaxPoolSize = 40 }.ConnectionString);
        builder.UseSetting("ConnectionStrings:Redis", RedisConnectionString);
        builder.UseSetting("FastBooking:AdminKey", AdminKey);
        builder.UseSetting("FastBooking:SeedDemo", "false");
        // Tests check the read model after every step; ThrottlingTests pin the operator limit on a host of their own.
        builder.UseSetting("FastBooking:Throttling:OperatorBurst", "1000");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IClock>(Clock);
            services.AddObservedAnswers();
        });
    }
}
