using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FastBooking.Infrastructure.Persistence.Migrations;

/// <summary>
/// A per-staff version, bumped by triggers in the same transaction as any change to what decides that staff member's
/// free time. The row lock the bump takes orders changes of one staff member, so versions follow commit order, and a
/// projection read in one snapshot pairs a state with its version: the read model keeps only the newest projection.
/// </summary>
[DbContext(typeof(FastBookingDb))]
[Migration("20261124010000_StaffVersions")]
public sealed class StaffVersions : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.Sql("""
            ALTER TABLE staff ADD COLUMN version bigint NOT NULL DEFAULT 0;

            CREATE FUNCTION bump_staff_version() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP IN ('UPDATE', 'DELETE') THEN
                    UPDATE staff SET version = version + 1 WHERE id = OLD.staff_id;
                END IF;
                IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.staff_id IS DISTINCT FROM OLD.staff_id) THEN
                    UPDATE staff SET version = version + 1 WHERE id = NEW.staff_id;
                END IF;
                RETURN NULL;
            END $$;

            CREATE TRIGGER appointments_staff_version AFTER INSERT OR UPDATE OR DELETE ON appointments
                FOR EACH ROW EXECUTE FUNCTION bump_staff_version();
            CREATE TRIGGER weekly_ranges_staff_version AFTER INSERT OR UPDATE OR DELETE ON weekly_ranges
                FOR EACH ROW EXECUTE FUNCTION bump_staff_version();
            CREATE TRIGGER time_off_staff_version AFTER INSERT OR UPDATE OR DELETE ON time_off
                FOR EACH ROW EXECUTE FUNCTION bump_staff_version();
            CREATE TRIGGER date_overrides_staff_version AFTER INSERT OR UPDATE OR DELETE ON date_overrides
                FOR EACH ROW EXECUTE FUNCTION bump_staff_version();

            CREATE FUNCTION bump_own_version() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.active IS DISTINCT FROM OLD.active THEN NEW.version := OLD.version + 1; END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER staff_active_version BEFORE UPDATE ON staff FOR EACH ROW EXECUTE FUNCTION bump_own_version();
            """);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.Sql("""
            DROP TRIGGER staff_active_version ON staff;
            DROP TRIGGER date_overrides_staff_version ON date_overrides;
            DROP TRIGGER time_off_staff_version ON time_off;
            DROP TRIGGER weekly_ranges_staff_version ON weekly_ranges;
            DROP TRIGGER appointments_staff_version ON appointments;
            DROP FUNCTION bump_own_version();
            DROP FUNCTION bump_staff_version();
            ALTER TABLE staff DROP COLUMN version;
            """);
    }
}
