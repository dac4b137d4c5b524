using FastBooking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FastBooking.Infrastructure.Seeding;

public static class DatabaseSetup
{
    /// <summary>Applies pending migrations (FastBooking:Migrate, on by default) and seeds the demo salon when asked (FastBooking:SeedDemo).</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, IConfiguration configuration)
    {
        await using var scope = services.CreateAsyncScope();
        if (configuration.GetValue("FastBooking:Migrate", true))
            await scope.ServiceProvider.GetRequiredService<FastBookingDb>().Database.MigrateAsync();
        if (configuration.GetValue("FastBooking:SeedDemo", false))
            await scope.ServiceProvider.GetRequiredService<DemoSalon>().EnsureAsync();
    }
}
