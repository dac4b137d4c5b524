using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FastBooking.Infrastructure.Persistence.Migrations;

/// <summary>
/// Visits: several services booked together, each an appointment of its own (its staff member, its busy ranges, its
/// unit) that names the visit it belongs to. The items are written in one transaction and cancelled together.
/// </summary>
[DbContext(typeof(FastBookingDb))]
[Migration("20261207010000_Visits")]
public sealed class Visits : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.Sql("""
            ALTER TABLE appointments ADD COLUMN visit_id uuid;
            CREATE INDEX appointments_visit ON appointments (visit_id) WHERE visit_id IS NOT NULL;
            """);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.Sql("""
            DROP INDEX appointments_visit;
            ALTER TABLE appointments DROP COLUMN visit_id;
            """);
    }
}
