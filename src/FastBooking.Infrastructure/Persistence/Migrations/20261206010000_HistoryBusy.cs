using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FastBooking.Infrastructure.Persistence.Migrations;

/// <summary>
/// Each version of an appointment keeps its busy ranges, so the change feed shows a service's processing time as it
/// was at that version. Versions written before carry their appointment's busy ranges when they are its current
/// version, else the booked range (nothing was processing time then).
/// </summary>
[DbContext(typeof(FastBookingDb))]
[Migration("20261206010000_HistoryBusy")]
public sealed class HistoryBusy : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.Sql("""
            ALTER TABLE appointment_history ADD COLUMN busy tstzmultirange;
            UPDATE appointment_history h SET busy = COALESCE(
                (SELECT a.busy FROM appointments a WHERE a.id = h.appointment_id AND a.version = h.version),
                tstzmultirange(tstzrange(h.start_at, h.end_at)));
            ALTER TABLE appointment_history ALTER COLUMN busy SET NOT NULL;
            """);
    }

    protected override void Down(MigrationBuilder m) => m.Sql("ALTER TABLE appointment_history DROP COLUMN busy;");
}
