using FastBooking.Application.Common;
using FastBooking.Application.Webhooks;
using FastBooking.Domain.Businesses;
using NodaTime;
using Npgsql;

namespace FastBooking.Infrastructure.Webhooks;

/// <summary>Webhooks and their deliveries in PostgreSQL.</summary>
public sealed class WebhookStore(NpgsqlDataSource db) : IWebhookStore
{
    private const string WebhookColumns = "id, url, event_types, created_at, disabled_at, disabled_reason";
    private const string DeliveryColumns =
        "id, event_id, event_type, position, status, attempts, created_at, next_attempt_at, last_attempt_at, last_status, last_error, delivered_at";

    public async Task<Page<Webhook>> ListAsync(BusinessId business, PageRequest page, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            $"SELECT {WebhookColumns} FROM webhooks WHERE business_id = $1 AND id > $2 ORDER BY id LIMIT $3");
        command.Parameters.Add(new() { Value = business.Value });
        command.Parameters.Add(new() { Value = page.After?.Id ?? Guid.Empty });
        command.Parameters.Add(new() { Value = page.Limit + 1 });
        var read = new List<Webhook>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            read.Add(new Webhook(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<string[]>(2), reader.GetFieldValue<Instant>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<Instant>(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        return Page<Webhook>.Of(read, page, w => new PageCursor(0, w.Id));
    }

    public async Task<bool> RemoveAsync(BusinessId business, Guid id, CancellationToken ct)
    {
        await using var command = db.CreateCommand("DELETE FROM webhooks WHERE id = $1 AND business_id = $2");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = business.Value });
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<Page<WebhookDelivery>?> DeliveriesAsync(BusinessId business, Guid webhook, PageRequest page, CancellationToken ct)
    {
        if (!await OwnsAsync(business, webhook, ct)) return null;
        await using var command = db.CreateCommand(
            $"SELECT {DeliveryColumns} FROM webhook_deliveries WHERE webhook_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3");
        command.Parameters.Add(new() { Value = webhook });
        command.Parameters.Add(new() { Value = page.After is { } after ? IdOf(after) : long.MaxValue });
        command.Parameters.Add(new() { Value = page.Limit + 1 });
        var read = await ReadDeliveriesAsync(command, ct);
        return Page<WebhookDelivery>.Of(read, page, d => CursorOf(d.Id));
    }

    public async Task<WebhookDelivery?> ResendAsync(BusinessId business, Guid webhook, long delivery, Instant now, CancellationToken ct)
    {
        if (!await OwnsAsync(business, webhook, ct)) return null;
        // A resend is a fresh start: its retry period counts from its next attempt, and the endpoint is on again (only
        // when the delivery exists: an unknown one is a 404 that changes nothing).
        await using var command = db.CreateCommand($"""
            WITH resent AS (
                UPDATE webhook_deliveries SET status = 'pending', attempts = 0, first_attempt_at = NULL, next_attempt_at = $3, delivered_at = NULL
                WHERE webhook_id = $1 AND id = $2
                RETURNING {DeliveryColumns}),
            enabled AS (UPDATE webhooks SET disabled_at = NULL, disabled_reason = NULL WHERE id = $1 AND EXISTS (SELECT 1 FROM resent))
            SELECT {DeliveryColumns} FROM resent
            """);
        command.Parameters.Add(new() { Value = webhook });
        command.Parameters.Add(new() { Value = delivery });
        command.Parameters.Add(new() { Value = now });
        return (await ReadDeliveriesAsync(command, ct)).SingleOrDefault();
    }

    private async Task<bool> OwnsAsync(BusinessId business, Guid webhook, CancellationToken ct)
    {
        await using var command = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM webhooks WHERE id = $1 AND business_id = $2)");
        command.Parameters.Add(new() { Value = webhook });
        command.Parameters.Add(new() { Value = business.Value });
        return await command.ExecuteScalarAsync(ct) is true;
    }

    internal static async Task<List<WebhookDelivery>> ReadDeliveriesAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var read = new List<WebhookDelivery>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            read.Add(new WebhookDelivery(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4),
                reader.GetInt32(5), reader.GetFieldValue<Instant>(6), reader.GetFieldValue<Instant>(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<Instant>(8), reader.IsDBNull(9) ? null : reader.GetInt32(9),
                reader.IsDBNull(10) ? null : reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetFieldValue<Instant>(11)));
        return read;
    }

    // Deliveries are listed by their numeric id: the cursor carries it in its id part.
    private static PageCursor CursorOf(long id)
    {
        var bytes = new byte[16];
        BitConverter.TryWriteBytes(bytes.AsSpan(8), id);
        return new PageCursor(0, new Guid(bytes));
    }

    private static long IdOf(PageCursor cursor) => BitConverter.ToInt64(cursor.Id.ToByteArray().AsSpan(8));
}
