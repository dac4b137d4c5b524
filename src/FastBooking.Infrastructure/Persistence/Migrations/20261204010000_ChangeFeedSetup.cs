using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FastBooking.Infrastructure.Persistence.Migrations;

/// <summary>
/// Setup changes join the change feed: outbox rows of schedules, the catalog and the rules get feed positions the way
/// history rows do, in the same sequence. <c>change_feed</c> is every positioned event with its id and type, the one
/// definition the feed, the webhook queue and delivery read; <c>change_feed_head()</c> its highest position.
/// </summary>
[DbContext(typeof(FastBookingDb))]
[Migration("20261204010000_ChangeFeedSetup")]
public sealed class ChangeFeedSetup : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.Sql("""
            ALTER TABLE outbox ADD COLUMN position bigint UNIQUE;
            CREATE INDEX outbox_unsequenced ON outbox (id)
                WHERE position IS NULL AND type IN ('schedule.changed', 'catalog.changed', 'rules.changed');

            CREATE VIEW change_feed AS
                SELECT h.position, a.business_id, 'evt_' || replace(h.appointment_id::text, '-', '') || '_' || h.version AS event_id,
                       'appointment.' || h.event AS type, h.at AS occurred_at, h.id AS history_id, NULL::bigint AS outbox_id
                FROM appointment_history h JOIN appointments a ON a.id = h.appointment_id
                WHERE h.position IS NOT NULL
                UNION ALL
                SELECT o.position, o.business_id, 'evt_o' || o.id, o.type, o.created_at, NULL, o.id
                FROM outbox o
                WHERE o.position IS NOT NULL;

            -- The highest position given so far (both sources share one sequence).
            CREATE FUNCTION change_feed_head() RETURNS bigint LANGUAGE sql STABLE AS $$
                SELECT greatest((SELECT coalesce(max(position), 0) FROM appointment_history),
                                (SELECT coalesce(max(position), 0) FROM outbox))
            $$;
            """);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.Sql("""
            DROP FUNCTION IF EXISTS change_feed_head();
            DROP VIEW IF EXISTS change_feed;
            DROP INDEX IF EXISTS outbox_unsequenced;
            ALTER TABLE outbox DROP COLUMN IF EXISTS position;
            """);
    }
}
