using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FastBooking.Infrastructure.Persistence.Migrations;

/// <summary>
/// Shared resources: a business's kinds (basin, colour chair, treatment room), each with numbered units; a unit can be
/// taken out of service for a period (an outage). A service may need a unit of one kind, for the whole service or one
/// of its phases. A confirmed appointment of such a service names its unit and the range it uses it for, and a second
/// exclusion constraint keeps every unit's ranges apart, in the same statement as the staff member's; each history
/// version records them too. A per-unit
/// version, bumped like the staff's, pairs a unit's projected days with the state they were made from.
/// </summary>
[DbContext(typeof(FastBookingDb))]
[Migration("20261207000000_Resources")]
public sealed class Resources : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.Sql("""
            CREATE TABLE resource_kinds (
                id uuid PRIMARY KEY,
                business_id uuid NOT NULL REFERENCES businesses (id),
                name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
                created_at timestamptz NOT NULL);
            CREATE INDEX resource_kinds_business ON resource_kinds (business_id);

            CREATE TABLE resource_units (
                id uuid PRIMARY KEY,
                kind_id uuid NOT NULL REFERENCES resource_kinds (id),
                business_id uuid NOT NULL REFERENCES businesses (id),
                number integer NOT NULL CHECK (number BETWEEN 1 AND 50),
                version bigint NOT NULL DEFAULT 0,
                UNIQUE (kind_id, number));
            CREATE INDEX resource_units_business ON resource_units (business_id);

            CREATE TABLE resource_outages (
                id uuid PRIMARY KEY,
                unit_id uuid NOT NULL REFERENCES resource_units (id),
                period tstzrange NOT NULL CHECK (NOT isempty(period) AND lower_inc(period) AND NOT upper_inc(period)
                    AND NOT lower_inf(period) AND NOT upper_inf(period)),
                reason text CHECK (length(reason) <= 500));
            CREATE INDEX resource_outages_unit_period ON resource_outages USING gist (unit_id, period);

            ALTER TABLE services
                ADD COLUMN resource_kind_id uuid REFERENCES resource_kinds (id),
                ADD COLUMN resource_phase integer,
                ADD CONSTRAINT services_resource_phase CHECK (resource_phase IS NULL
                    OR (resource_kind_id IS NOT NULL AND resource_phase >= 0 AND resource_phase < cardinality(phase_minutes)));

            ALTER TABLE appointments
                ADD COLUMN resource_unit_id uuid REFERENCES resource_units (id),
                ADD COLUMN resource_range tstzrange,
                ADD CONSTRAINT appointments_resource_paired CHECK ((resource_unit_id IS NULL) = (resource_range IS NULL)),
                ADD CONSTRAINT appointments_resource_inside CHECK (resource_range IS NULL
                    OR (NOT isempty(resource_range) AND tstzrange(start_at, end_at) @> resource_range)),
                ADD CONSTRAINT appointments_resource_no_overlap EXCLUDE USING gist (resource_unit_id WITH =, resource_range WITH &&)
                    WHERE (status = 'confirmed' AND resource_unit_id IS NOT NULL);

            ALTER TABLE appointment_history ADD COLUMN resource_unit_id uuid, ADD COLUMN resource_range tstzrange;

            CREATE FUNCTION bump_unit_version() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_TABLE_NAME = 'appointments' THEN
                    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.resource_unit_id IS NOT NULL THEN
                        UPDATE resource_units SET version = version + 1 WHERE id = OLD.resource_unit_id;
                    END IF;
                    IF NEW.resource_unit_id IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.resource_unit_id IS DISTINCT FROM OLD.resource_unit_id) THEN
                        UPDATE resource_units SET version = version + 1 WHERE id = NEW.resource_unit_id;
                    END IF;
                ELSE
                    UPDATE resource_units SET version = version + 1
                    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.unit_id ELSE NEW.unit_id END;
                END IF;
                RETURN NULL;
            END $$;
            CREATE TRIGGER appointments_unit_version AFTER INSERT OR UPDATE OR DELETE ON appointments
                FOR EACH ROW EXECUTE FUNCTION bump_unit_version();
            CREATE TRIGGER resource_outages_unit_version AFTER INSERT OR UPDATE OR DELETE ON resource_outages
                FOR EACH ROW EXECUTE FUNCTION bump_unit_version();
            """);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.Sql("""
            DROP TRIGGER resource_outages_unit_version ON resource_outages;
            DROP TRIGGER appointments_unit_version ON appointments;
            DROP FUNCTION bump_unit_version();
            ALTER TABLE appointments
                DROP CONSTRAINT appointments_resource_no_overlap,
                DROP CONSTRAINT appointments_resource_inside,
                DROP CONSTRAINT appointments_resource_paired,
                DROP COLUMN resource_range,
                DROP COLUMN resource_unit_id;
            ALTER TABLE appointment_history DROP COLUMN resource_range, DROP COLUMN resource_unit_id;
            ALTER TABLE services DROP CONSTRAINT services_resource_phase, DROP COLUMN resource_phase, DROP COLUMN resource_kind_id;
            DROP TABLE resource_outages;
            DROP TABLE resource_units;
            DROP TABLE resource_kinds;
            """);
    }
}
