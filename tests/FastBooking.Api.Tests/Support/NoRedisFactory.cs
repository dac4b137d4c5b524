using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Npgsql;

namespace FastBooking.Api.Tests.Support;

/// <summary>
/// The API as <see cref="ApiFactory"/> builds it (same PostgreSQL database, fake clock), but with Redis down: its
/// connection string points at a loopback port nothing listens on. A refused connection fails at once and the circuit
/// breaker soon opens, so this host is as quick as the other. Businesses made here are visible to ApiFactory's host too.
/// </summary>
public sealed class NoRedisFactory : WebApplicationFactory<Program>
{
    public static string DeadRedis { get; } = $"127.0.0.1:{RefusingPort.Number}";

    public FakeClock Clock { get; } = new(ApiFactory.StandardNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Postgres",
            new NpgsqlConnectionStringBuilder(ApiFactory.PostgresConnectionString) { MaxPoolSize = 10 }.ConnectionString);
        builder.UseSetting("ConnectionStrings:Redis", DeadRedis);
        builder.UseSetting("FastBooking:AdminKey", ApiFactory.AdminKey);
        builder.UseSetting("FastBooking:SeedDemo", "false");
        // A host without Redis must not lead the projector that the other hosts' read model depends on.
        builder.UseSetting("FastBooking:Projector:Role", "Never");
        builder.ConfigureServices(services => services.AddSingleton<IClock>(Clock).AddObservedAnswers());
    }
}
