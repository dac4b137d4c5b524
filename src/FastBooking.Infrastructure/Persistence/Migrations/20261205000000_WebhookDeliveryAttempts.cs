using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FastBooking.Infrastructure.Persistence.Migrations;

/// <summary>
/// A delivery's retry period counts from its first attempt, not from when it was queued (an event queued behind a
/// failing one has not been tried yet). Indexes for what operators and the dispatcher read: an endpoint's deliveries
/// newest first, the failed ones (health), the disabled endpoints, and old settled deliveries to prune.
/// </summary>
[DbContext(typeof(FastBookingDb))]
[Migration("20261205000000_WebhookDeliveryAttempts")]
public sealed class WebhookDeliveryAttempts : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.Sql("""
            ALTER TABLE webhook_deliveries ADD COLUMN first_attempt_at timestamptz;
            UPDATE webhook_deliveries SET first_attempt_at = created_at WHERE attempts > 0;
            CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (webhook_id, id);
            CREATE INDEX webhook_deliveries_failed ON webhook_deliveries (webhook_id) WHERE status = 'failed';
            CREATE INDEX webhook_deliveries_settled ON webhook_deliveries (coalesce(delivered_at, last_attempt_at)) WHERE status <> 'pending';
            CREATE INDEX webhooks_disabled ON webhooks (id) WHERE disabled_at IS NOT NULL;
            """);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.Sql("""
            DROP INDEX IF EXISTS webhooks_disabled;
            DROP INDEX IF EXISTS webhook_deliveries_settled;
            DROP INDEX IF EXISTS webhook_deliveries_failed;
            DROP INDEX IF EXISTS webhook_deliveries_by_endpoint;
            ALTER TABLE webhook_deliveries DROP COLUMN IF EXISTS first_attempt_at;
            """);
    }
}
