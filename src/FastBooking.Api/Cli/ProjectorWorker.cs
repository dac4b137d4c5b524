using FastBooking.Infrastructure;
using FastBooking.Infrastructure.Seeding;
using Serilog;

namespace FastBooking.Api.Cli;

/// <summary>
/// <c>projector</c>: runs the outbox projector as a worker process of its own, without the web server — for operators
/// who keep projection off the API instances (set <c>FastBooking:Projector:Role=Never</c> on those). It takes part in
/// the same election, so several workers (or workers and API instances) fail over to one another.
/// </summary>
public static class ProjectorWorker
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "projector";

    public static async Task<int> RunAsync(string[] args)
    {
        // Settings (appsettings.json) from beside the binary, wherever the worker is started from.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args[1..], ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSerilog((_, log) => log.ReadFrom.Configuration(builder.Configuration).WriteTo.Console());
        Program.AddEngine(builder);
        // A worker never serves requests: it must lead whenever it can.
        builder.Services.PostConfigure<ProjectorOptions>(o => o.Role = ProjectorRole.Any);
        using var host = builder.Build();
        await host.Services.PrepareDatabaseAsync();
        await host.RunAsync();
        return 0;
    }
}
