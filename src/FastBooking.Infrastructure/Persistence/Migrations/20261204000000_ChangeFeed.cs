using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FastBooking.Infrastructure.Persistence.Migrations;

/// <summary>
/// The change feed: every appointment history row gets a feed position once committed, given by one writer (the
/// projector leader) always above the highest so far, so a reader that has seen a position never misses a lower one. Webhooks are a business's endpoints with their position in that feed, and
/// their deliveries (one per event and endpoint) with attempts, backoff and the last answer.
/// </summary>
[DbContext(typeof(FastBookingDb))]
[Migration("20261204000000_ChangeFeed")]
public sealed class ChangeFeed : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.Sql("""
            ALTER TABLE appointment_history ADD COLUMN position bigint UNIQUE;
            -- The rows still to sequence, oldest first.
            CREATE INDEX appointment_history_unsequenced ON appointment_history (id) WHERE position IS NULL;

            CREATE TABLE webhooks (
                id uuid PRIMARY KEY,
                business_id uuid NOT NULL REFERENCES businesses (id),
                url text NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
                event_types text[] NOT NULL,
                secret text NOT NULL,
                created_at timestamptz NOT NULL,
                position bigint NOT NULL,
                disabled_at timestamptz,
                disabled_reason text
            );
            CREATE INDEX webhooks_business ON webhooks (business_id, id);

            CREATE TABLE webhook_deliveries (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                webhook_id uuid NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
                position bigint NOT NULL,
                event_id text NOT NULL,
                event_type text NOT NULL,
                status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
                attempts int NOT NULL DEFAULT 0,
                created_at timestamptz NOT NULL,
                next_attempt_at timestamptz NOT NULL,
                last_attempt_at timestamptz,
                last_status int,
                last_error text,
                delivered_at timestamptz,
                UNIQUE (webhook_id, position)
            );
            CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (webhook_id, position) WHERE status = 'pending';
            """);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.Sql("""
            DROP TABLE IF EXISTS webhook_deliveries, webhooks;
            DROP INDEX IF EXISTS appointment_history_unsequenced;
            ALTER TABLE appointment_history DROP COLUMN IF EXISTS position;
            """);
    }
}
