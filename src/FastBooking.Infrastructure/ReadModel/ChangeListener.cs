using FastBooking.Application.ApiKeys;
using FastBooking.Infrastructure.Outbox;
using FastBooking.Infrastructure.Scheduling;
using FastBooking.Infrastructure.Webhooks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FastBooking.Infrastructure.ReadModel;

/// <summary>
/// Every instance hears every outbox notification ("type:business-id") and forgets what it cached of that business
/// (catalog, API keys); on the leader it also wakes the projector and webhook delivery. A missed notification (connection down) is bounded
/// by the caches' lifetimes and the projector's poll.
/// </summary>
public sealed class ChangeListener(NpgsqlDataSource dataSource, CatalogCache catalogs, ApiKeyAuthenticator keyCache, OutboxProjector projector,
    WebhookDispatcher webhooks, IOptions<ProjectorOptions> options, ILogger<ChangeListener> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stop);
                connection.Notification += (_, e) =>
                {
                    ForgetOn(e.Payload);
                    projector.Wake();
                    webhooks.Wake(); // a committed change is an event to deliver
                };
                await using (var listen = new NpgsqlCommand("LISTEN fastbooking_outbox", connection))
                    await listen.ExecuteNonQueryAsync(stop);
                while (!stop.IsCancellationRequested) await connection.WaitAsync(stop);
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                log.LogDebug(e, "Outbox LISTEN connection lost; listening again shortly");
                await Task.Delay(options.Value.PollInterval, stop).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    private void ForgetOn(string payload)
    {
        if (OutboxCodec.StaleAfter(payload) is not var (business, catalog, apiKeys)) return;
        if (catalog) catalogs.Forget(business);
        if (apiKeys) keyCache.Forget(business);
    }
}
