using FastBooking.Application.ReadModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FastBooking.Infrastructure.ReadModel;

/// <summary>
/// Every instance's copy of the leader's verdict, re-read from Redis a few times a second: reads and holds consult it
/// without a round trip. Redis gone means no verdict, and the PostgreSQL path.
/// </summary>
public sealed class ReadinessMonitor(ProjectorStatusStore store, IOptions<ProjectorOptions> options) : BackgroundService
{
    private volatile ReadModelStatus _status = ReadModelStatus.Unknown;

    public ReadModelStatus Status => _status;

    /// <summary>Reads the verdict now (the background loop does so every <see cref="ProjectorOptions.ReadinessRefresh"/>).</summary>
    public async Task<ReadModelStatus> RefreshAsync()
    {
        var status = await store.ReadAsync() ?? ReadModelStatus.Unknown;
        _status = status;
        return status;
    }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(options.Value.ReadinessRefresh);
        do await RefreshAsync();
        while (await timer.WaitForNextTickAsync(stop).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, CancellationToken.None));
    }
}
