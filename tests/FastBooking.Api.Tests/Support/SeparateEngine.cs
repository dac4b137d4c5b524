using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace FastBooking.Api.Tests.Support;

/// <summary>
/// An engine instance on a PostgreSQL database of its own (made next to the run's, dropped with it), sharing Redis:
/// instances of one such database elect their own projector leader and publish their own read-model state, apart
/// from every other host of the test run. <see cref="Database"/> names it, to start a second instance on it.
/// </summary>
public sealed class SeparateEngine : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly string _role;
    private readonly IReadOnlyDictionary<string, string> _settings;

    private SeparateEngine(string connectionString, string role, IReadOnlyDictionary<string, string>? settings)
    {
        _connectionString = connectionString;
        _role = role;
        _settings = settings ?? new Dictionary<string, string>();
    }

    public string Database => new NpgsqlConnectionStringBuilder(_connectionString).Database!;

    /// <summary>A new database and the first instance on it, with settings of its own if given.</summary>
    public static async Task<SeparateEngine> StartAsync(string role = "Any", IReadOnlyDictionary<string, string>? settings = null)
    {
        var run = new NpgsqlConnectionStringBuilder(ApiFactory.PostgresConnectionString);
        var name = $"{run.Database}_own_{Guid.NewGuid().ToString("N")[..12]}";
        await using (var connection = MaintenanceConnection())
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return Started(new SeparateEngine(new NpgsqlConnectionStringBuilder(run.ConnectionString) { Database = name, MaxPoolSize = 10 }.ConnectionString, role, settings));
    }

    /// <summary>
    /// An unpooled connection to the database the test services name, not the run's: DatabaseFaultTests kill every
    /// connection to the run's database while other tests create and drop theirs.
    /// </summary>
    private static NpgsqlConnection MaintenanceConnection() =>
        new(new NpgsqlConnectionStringBuilder(TestServices.Postgres) { Pooling = false }.ConnectionString);

    /// <summary>Another instance on the same database.</summary>
    public SeparateEngine Another(string role = "Any") => Started(new SeparateEngine(_connectionString, role, _settings));

    private static SeparateEngine Started(SeparateEngine engine)
    {
        engine.CreateClient().Dispose(); // starts the host and its hosted services
        return engine;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Postgres", _connectionString);
        builder.UseSetting("ConnectionStrings:Redis", ApiFactory.RedisConnectionString);
        builder.UseSetting("FastBooking:AdminKey", ApiFactory.AdminKey);
        builder.UseSetting("FastBooking:SeedDemo", "false");
        builder.UseSetting("FastBooking:Projector:Role", _role);
        // Webhook retries in test time: a failing receiver is tried again within a second.
        builder.UseSetting("FastBooking:Webhooks:PollInterval", "00:00:00.100");
        builder.UseSetting("FastBooking:Webhooks:InitialBackoff", "00:00:00.200");
        builder.UseSetting("FastBooking:Webhooks:MaxBackoff", "00:00:01");
        builder.UseSetting("FastBooking:Webhooks:Timeout", "00:00:02");
        builder.UseSetting("FastBooking:Webhooks:AllowPrivateNetworks", "true"); // the receivers are on loopback
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddObservedAnswers());
    }

    /// <summary>
    /// Drops the database once no instance uses it (instances are disposed first). Best effort: a database left behind
    /// is dropped with the run's leftovers by a later run (its name starts like the run's).
    /// </summary>
    public async Task DropDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await using var connection = MaintenanceConnection();
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Database}\"", connection);
            await drop.ExecuteNonQueryAsync();
        }
        catch (PostgresException)
        {
        }
    }
}
