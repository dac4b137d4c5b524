using FastBooking.Application.ApiKeys;
using FastBooking.Application.Appointments;
using FastBooking.Application.Catalog;
using FastBooking.Application.ChangeFeed;
using FastBooking.Application.Common;
using FastBooking.Application.Holds;
using FastBooking.Application.Idempotency;
using FastBooking.Application.ReadModel;
using FastBooking.Application.ReadModel.Parked;
using FastBooking.Application.Resources;
using FastBooking.Application.Schedules;
using FastBooking.Application.Webhooks;
using FastBooking.Infrastructure.ApiKeys;
using FastBooking.Infrastructure.Appointments;
using FastBooking.Infrastructure.Catalog;
using FastBooking.Infrastructure.ChangeFeed;
using FastBooking.Infrastructure.Holds;
using FastBooking.Infrastructure.Idempotency;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.ReadModel;
using FastBooking.Infrastructure.Resources;
using FastBooking.Infrastructure.Schedules;
using FastBooking.Infrastructure.Scheduling;
using FastBooking.Infrastructure.Seeding;
using FastBooking.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FastBooking.Infrastructure;

public static class DependencyInjection
{
    /// <summary>The application's ports over PostgreSQL (pooled DbContext over one NodaTime-aware data source) and the Redis read model.</summary>
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var connectionString = builder.Configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not configured.");
        var dataSource = new NpgsqlDataSourceBuilder(connectionString).UseNodaTime().Build();
        // Registered by factory so that the container disposes it: a stopped host closes its pooled connections.
        services.AddSingleton(_ => dataSource);
        services.AddDbContextPool<FastBookingDb>(o => o
            .UseNpgsql(dataSource, npgsql => npgsql.UseNodaTime())
            // The migrations are hand-written SQL; there is no model snapshot to compare with.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));
        var redis = builder.Configuration.GetConnectionString("Redis")
            ?? throw new InvalidOperationException("ConnectionStrings:Redis is not configured.");
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ProjectorOptions>().BindConfiguration(ProjectorOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StartupOptions>().BindConfiguration(StartupOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CatalogCacheOptions>().BindConfiguration(CatalogCacheOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // PostgreSQL
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<IIdempotencyRecords, IdempotencyRecords>();
        services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IdempotencyPruner>();
        services.AddHostedService(sp => sp.GetRequiredService<IdempotencyPruner>());
        services.AddOptions<HoldOptions>().BindConfiguration(HoldOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ExpiredHoldPruner>();
        services.AddHostedService(sp => sp.GetRequiredService<ExpiredHoldPruner>());
        services.AddScoped<IAppointmentStore, AppointmentStore>();
        services.AddScoped<ICatalogStore, CatalogStore>();
        services.AddScoped<IScheduleStore, ScheduleStore>();
        services.AddScoped<IResourceStore, ResourceStore>();
        services.AddScoped<DemoSalon>();
        services.AddScoped<IApiKeyStore, ApiKeyStore>();
        services.AddScoped<IEngineHealth, EngineHealth>();
        services.AddScoped<SchedulingStore>();
        services.AddScoped<ISchedulingReader>(sp => sp.GetRequiredService<SchedulingStore>());
        services.AddSingleton<CatalogReader>();
        services.AddSingleton<CatalogCache>();
        services.AddSingleton<ICatalogCache>(sp => sp.GetRequiredService<CatalogCache>());

        // Redis
        services.AddSingleton(sp => new RedisGate(redis, sp.GetRequiredService<IOptions<RedisOptions>>(), sp.GetRequiredService<ILogger<RedisGate>>()));
        services.AddSingleton<DayBitmapStore>();
        services.AddSingleton<BusinessKeys>();
        services.AddSingleton<HoldStore>();
        services.AddSingleton<IHoldStore>(sp => sp.GetRequiredService<HoldStore>());
        services.AddSingleton<IReadModel, RedisReadModel>();
        services.AddScoped<StaffProjector>();
        services.AddScoped<IStaffProjector>(sp => sp.GetRequiredService<StaffProjector>());
        services.AddScoped<ReadModelSync>();
        services.AddScoped<IReadModelSync>(sp => sp.GetRequiredService<ReadModelSync>());

        // The projector: one leader among all instances; every instance reads its verdict and hears the notifications.
        services.AddSingleton<ProjectorStatusStore>();
        services.AddSingleton<ReadinessMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<ReadinessMonitor>());
        services.AddSingleton<OutboxProjector>();
        services.AddSingleton(sp => new ProjectorLeadership(connectionString, sp.GetRequiredService<OutboxProjector>(),
            sp.GetRequiredService<WebhookDispatcher>(), sp.GetRequiredService<IOptions<ProjectorOptions>>(),
            sp.GetRequiredService<ILogger<ProjectorLeadership>>()));
        services.AddHostedService(sp => sp.GetRequiredService<ProjectorLeadership>());
        services.AddHostedService<ChangeListener>();
        services.AddScoped<ParkedChangeStore>();
        services.AddScoped<IParkedChanges>(sp => sp.GetRequiredService<ParkedChangeStore>());

        // Durable holds: PostgreSQL's record of every hold Redis placed, and its way back into Redis
        services.AddScoped<HoldRecords>();
        services.AddScoped<IHoldRecords>(sp => sp.GetRequiredService<HoldRecords>());
        services.AddScoped<HoldRestorer>();

        // The change feed and webhooks: positions and deliveries on the projector leader, reads anywhere
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IChangeFeed, ChangeFeedStore>();
        services.AddSingleton<EventSequencer>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<IWebhookStore, WebhookStore>();
        services.AddScoped<IWebhookRegistrations, WebhookRegistrations>();
        return builder;
    }
}
