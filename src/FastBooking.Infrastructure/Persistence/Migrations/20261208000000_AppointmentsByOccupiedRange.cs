using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FastBooking.Infrastructure.Persistence.Migrations;

/// <summary>
/// The scheduling state of a staff member around a time reads their confirmed appointments whose occupied range
/// (buffers and processing included) overlaps it. The exclusion constraint's index covers the busy ranges only, so
/// that read filtered every confirmed appointment the staff member ever had: its cost grew with history, on every
/// booking, every PostgreSQL-path availability answer and every projection.
/// </summary>
[DbContext(typeof(FastBookingDb))]
[Migration("20261208000000_AppointmentsByOccupiedRange")]
public sealed class AppointmentsByOccupiedRange : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.Sql("CREATE INDEX appointments_staff_occupied ON appointments USING gist (staff_id, occupied) WHERE status = 'confirmed';");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.Sql("DROP INDEX appointments_staff_occupied;");
    }
}
