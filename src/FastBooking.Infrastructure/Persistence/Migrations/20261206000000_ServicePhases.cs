using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FastBooking.Infrastructure.Persistence.Migrations;

/// <summary>
/// Services with phases (processing time): a service lists its phases' minutes and whether each keeps the staff
/// member busy. An appointment's and a hold's <c>busy</c> (a multirange inside <c>occupied</c>) is what the staff member
/// is busy with; the exclusion constraint moves from the occupied range to it, so another client's service may be
/// booked inside a processing phase and nowhere else. Existing rows are busy for their whole occupied range.
/// </summary>
[DbContext(typeof(FastBookingDb))]
[Migration("20261206000000_ServicePhases")]
public sealed class ServicePhases : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.Sql("""
            ALTER TABLE services
                ADD COLUMN phase_minutes integer[] NOT NULL DEFAULT '{}',
                ADD COLUMN phase_staff_busy boolean[] NOT NULL DEFAULT '{}',
                ADD CONSTRAINT services_phases_paired CHECK (cardinality(phase_minutes) = cardinality(phase_staff_busy));

            ALTER TABLE appointments ADD COLUMN busy tstzmultirange;
            UPDATE appointments SET busy = tstzmultirange(occupied);
            ALTER TABLE appointments
                ALTER COLUMN busy SET NOT NULL,
                ADD CONSTRAINT appointments_busy_inside CHECK (occupied @> busy AND NOT isempty(busy)),
                DROP CONSTRAINT appointments_no_overlap,
                ADD CONSTRAINT appointments_no_overlap EXCLUDE USING gist (staff_id WITH =, busy WITH &&) WHERE (status = 'confirmed');

            ALTER TABLE holds ADD COLUMN busy tstzmultirange;
            UPDATE holds SET busy = tstzmultirange(occupied);
            ALTER TABLE holds
                ALTER COLUMN busy SET NOT NULL,
                ADD CONSTRAINT holds_busy_inside CHECK (occupied @> busy);
            DROP INDEX holds_staff_occupied;
            CREATE INDEX holds_staff_busy ON holds USING gist (staff_id, busy);
            """);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.Sql("""
            DROP INDEX IF EXISTS holds_staff_busy;
            CREATE INDEX holds_staff_occupied ON holds USING gist (staff_id, occupied);
            ALTER TABLE holds DROP CONSTRAINT holds_busy_inside, DROP COLUMN busy;
            ALTER TABLE appointments
                DROP CONSTRAINT appointments_no_overlap,
                DROP CONSTRAINT appointments_busy_inside,
                ADD CONSTRAINT appointments_no_overlap EXCLUDE USING gist (staff_id WITH =, occupied WITH &&) WHERE (status = 'confirmed');
            ALTER TABLE appointments DROP COLUMN busy;
            ALTER TABLE services DROP CONSTRAINT services_phases_paired, DROP COLUMN phase_staff_busy, DROP COLUMN phase_minutes;
            """);
    }
}
