using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FastBooking.Infrastructure.Persistence.Migrations;

/// <summary>
/// The outbox notification names the event type and business ("rules.changed:&lt;business-id&gt;"), so that every
/// instance — not only the one whose projector applies the row — can forget what it caches for that business.
/// </summary>
[DbContext(typeof(FastBookingDb))]
[Migration("20261124020000_OutboxNotifyPayload")]
public sealed class OutboxNotifyPayload : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.Sql("""
            DROP TRIGGER outbox_notify ON outbox;
            CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('fastbooking_outbox', NEW.type || ':' || NEW.business_id);
                RETURN NULL;
            END $$;
            CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION outbox_notify();
            """);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.Sql("""
            DROP TRIGGER outbox_notify ON outbox;
            CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('fastbooking_outbox', '');
                RETURN NULL;
            END $$;
            CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
            """);
    }
}
