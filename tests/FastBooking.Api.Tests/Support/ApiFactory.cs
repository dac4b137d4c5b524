using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using NodaTime.Testing;

namespace FastBooking.Api.Tests.Support;

/// <summary>
/// The API in-process against a real PostgreSQL (FASTBOOKING_TEST_POSTGRES; scripts/test.sh starts one on loopback).
/// Every test creates its own business, so tests need no database reset: tenants never see each other.
/// The clock is fake: tests set "now".
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key";

    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable("FASTBOOKING_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5432;Database=fastbooking_test;Username=fastbooking;Password=fastbooking";

    public static string RedisConnectionString =>
        Environment.GetEnvironmentVariable("FASTBOOKING_TEST_REDIS") ?? "127.0.0.1:6379";

    public FakeClock Clock { get; } = new(Instant.FromUtc(2026, 11, 24, 12, 0));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // PostgreSQL's default max_connections (100) is shared with other test processes: the concurrency tests
        // (200 requests at once) must queue for a pooled connection rather than be refused by the server (53300).
        builder.UseSetting("ConnectionStrings:Postgres",
            new NpgsqlConnectionStringBuilder(PostgresConnectionString) { MaxPoolSize = 40 }.ConnectionString);
        builder.UseSetting("ConnectionStrings:Redis", RedisConnectionString);
        builder.UseSetting("FastBooking:AdminKey", AdminKey);
        builder.UseSetting("FastBooking:SeedDemo", "false");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IClock>(Clock);
        });
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "api";
}
