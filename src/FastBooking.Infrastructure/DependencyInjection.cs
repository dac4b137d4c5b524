using FastBooking.Infrastructure.Appointments;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using FastBooking.Infrastructure.ReadModel;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FastBooking.Infrastructure;

public static class DependencyInjection
{
    /// <summary>PostgreSQL (pooled DbContext over one NodaTime-aware data source), the Redis read model, and the use cases built on them.</summary>
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not configured.");
        var dataSource = new NpgsqlDataSourceBuilder(connectionString).UseNodaTime().Build();
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddDbContextPool<FastBookingDb>(o => o
            .UseNpgsql(dataSource, npgsql => npgsql.UseNodaTime())
            // The migrations are hand-written SQL; there is no model snapshot to compare with.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));
        var redis = builder.Configuration.GetConnectionString("Redis")
            ?? throw new InvalidOperationException("ConnectionStrings:Redis is not configured.");
        builder.Services.AddSingleton(sp => new RedisGate(redis, sp.GetRequiredService<ILogger<RedisGate>>()));
        builder.Services.AddSingleton<DayBitmapStore>();
        builder.Services.AddSingleton<HoldStore>();
        builder.Services.AddScoped<StaffProjector>();
        builder.Services.AddScoped<ReadModelSync>();
        builder.Services.AddScoped<ConsistencyCheck>();
        builder.Services.AddScoped<HoldPlacement>();
        builder.Services.AddSingleton<OutboxProjector>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxProjector>());
        builder.Services.AddScoped<SchedulingStore>();
        builder.Services.AddSingleton<CatalogReader>();
        builder.Services.AddSingleton<CatalogCache>();
        builder.Services.AddScoped<AvailabilityReader>();
        builder.Services.AddScoped<AppointmentBook>();
        return builder;
    }
}
