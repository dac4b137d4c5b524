using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FastBooking.Infrastructure.Persistence.Migrations;

/// <summary>
/// Holds are written to PostgreSQL as well as Redis, so that they outlive a Redis restart or flush and bind bookings
/// while Redis is down. Redis stays the arbiter of placing one; this table is what bookings, reschedules and the
/// direct availability path check. An expired row is ignored by every read and pruned by the staff member's next hold.
/// </summary>
[DbContext(typeof(FastBookingDb))]
[Migration("20261203010000_DurableHolds")]
public sealed class DurableHolds : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.Sql("""
            CREATE TABLE holds (
                token text PRIMARY KEY CHECK (length(token) BETWEEN 1 AND 100),
                business_id uuid NOT NULL REFERENCES businesses (id),
                staff_id uuid NOT NULL REFERENCES staff (id),
                service_id uuid NOT NULL REFERENCES services (id),
                booked tstzrange NOT NULL,
                occupied tstzrange NOT NULL,
                expires_at timestamptz NOT NULL,
                CHECK (occupied @> booked)
            );
            -- "Does someone hold this staff member's range?" (staff_id = $1 AND occupied && $2), on every booking.
            CREATE INDEX holds_staff_occupied ON holds USING gist (staff_id, occupied);
            -- A business's live holds, to put them back into Redis after it lost them.
            CREATE INDEX holds_business ON holds (business_id);
            """);
    }

    protected override void Down(MigrationBuilder m) => m.Sql("DROP TABLE holds;");
}
