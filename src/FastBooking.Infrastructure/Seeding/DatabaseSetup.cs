using FastBooking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FastBooking.Infrastructure.Seeding;

public static class DatabaseSetup
{
    /// <summary>Applies pending migrations and seeds the demo salon, as <see cref="StartupOptions"/> ask.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<StartupOptions>>().Value;
        if (options.Migrate)
            await scope.ServiceProvider.GetRequiredService<FastBookingDb>().Database.MigrateAsync();
        if (options.SeedDemo)
            await scope.ServiceProvider.GetRequiredService<DemoSalon>().EnsureAsync();
    }
}
