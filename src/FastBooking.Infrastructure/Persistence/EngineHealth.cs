using FastBooking.Application.Common;
using Npgsql;

namespace FastBooking.Infrastructure.Persistence;

public sealed class EngineHealth(NpgsqlDataSource db) : IEngineHealth
{
    public async Task<WebhookBacklog?> CheckAsync(CancellationToken ct)
    {
        try
        {
            // One round trip answers both "does PostgreSQL answer" and the backlog (partial indexes keep it cheap).
            await using var command = db.CreateCommand("""
                SELECT (SELECT count(*) FROM webhook_deliveries WHERE status = 'pending'),
                       (SELECT count(*) FROM webhook_deliveries WHERE status = 'failed'),
                       (SELECT count(*) FROM webhooks WHERE disabled_at IS NOT NULL)
                """);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return new WebhookBacklog(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return null;
        }
    }
}
