using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FastBooking.Infrastructure.Persistence.Migrations;

/// <summary>
/// The whole initial schema, in SQL: ranges, the exclusion constraint and the outbox trigger are PostgreSQL's own,
/// and the constraint is created with its table (adding it later would lock the table while the index builds).
/// </summary>
[DbContext(typeof(FastBookingDb))]
[Migration("20261124000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.Sql("""
            CREATE EXTENSION IF NOT EXISTS btree_gist;

            CREATE TABLE businesses (
                id uuid PRIMARY KEY,
                name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
                time_zone text NOT NULL,
                slot_interval_minutes int NOT NULL CHECK (slot_interval_minutes BETWEEN 1 AND 1440),
                lead_time_minutes int NOT NULL CHECK (lead_time_minutes >= 0),
                booking_window_days int NOT NULL CHECK (booking_window_days >= 1),
                cancellation_cutoff_minutes int NOT NULL CHECK (cancellation_cutoff_minutes >= 0),
                reschedule_cutoff_minutes int NOT NULL CHECK (reschedule_cutoff_minutes >= 0),
                hold_ttl_seconds int NOT NULL CHECK (hold_ttl_seconds > 0),
                created_at timestamptz NOT NULL
            );

            CREATE TABLE api_keys (
                id uuid PRIMARY KEY,
                business_id uuid NOT NULL REFERENCES businesses (id),
                key_hash bytea NOT NULL UNIQUE,
                created_at timestamptz NOT NULL
            );

            CREATE TABLE staff (
                id uuid PRIMARY KEY,
                business_id uuid NOT NULL REFERENCES businesses (id),
                name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
                active boolean NOT NULL,
                created_at timestamptz NOT NULL
            );
            CREATE INDEX staff_business ON staff (business_id);

            CREATE TABLE services (
                id uuid PRIMARY KEY,
                business_id uuid NOT NULL REFERENCES businesses (id),
                name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
                duration_minutes int NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
                buffer_before_minutes int NOT NULL CHECK (buffer_before_minutes BETWEEN 0 AND 720),
                buffer_after_minutes int NOT NULL CHECK (buffer_after_minutes BETWEEN 0 AND 720),
                price numeric(12, 2) CHECK (price >= 0),
                active boolean NOT NULL,
                created_at timestamptz NOT NULL
            );
            CREATE INDEX services_business ON services (business_id);

            CREATE TABLE service_staff (
                service_id uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
                staff_id uuid NOT NULL REFERENCES staff (id),
                duration_minutes int CHECK (duration_minutes BETWEEN 1 AND 1440),
                PRIMARY KEY (service_id, staff_id)
            );

            CREATE TABLE weekly_ranges (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                staff_id uuid NOT NULL REFERENCES staff (id),
                kind text NOT NULL CHECK (kind IN ('working', 'break')),
                weekday int NOT NULL CHECK (weekday BETWEEN 1 AND 7),
                start_minute int NOT NULL CHECK (start_minute >= 0),
                end_minute int NOT NULL CHECK (end_minute <= 1440),
                CHECK (start_minute < end_minute)
            );
            CREATE INDEX weekly_ranges_staff ON weekly_ranges (staff_id);

            CREATE TABLE time_off (
                id uuid PRIMARY KEY,
                staff_id uuid NOT NULL REFERENCES staff (id),
                period tstzrange NOT NULL CHECK (NOT isempty(period)),
                reason text
            );
            CREATE INDEX time_off_staff ON time_off USING gist (staff_id, period);

            CREATE TABLE date_overrides (
                staff_id uuid NOT NULL REFERENCES staff (id),
                date date NOT NULL,
                start_minutes int[] NOT NULL,
                end_minutes int[] NOT NULL,
                PRIMARY KEY (staff_id, date),
                CHECK (cardinality(start_minutes) = cardinality(end_minutes))
            );

            CREATE TABLE appointments (
                id uuid PRIMARY KEY,
                business_id uuid NOT NULL REFERENCES businesses (id),
                staff_id uuid NOT NULL REFERENCES staff (id),
                service_id uuid NOT NULL REFERENCES services (id),
                status text NOT NULL CHECK (status IN ('confirmed', 'cancelled')),
                start_at timestamptz NOT NULL,
                end_at timestamptz NOT NULL,
                occupied tstzrange NOT NULL,
                customer_name text NOT NULL,
                customer_phone text,
                customer_email text,
                notes text,
                cancel_reason text,
                version int NOT NULL,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                CHECK (start_at < end_at),
                CHECK (occupied @> tstzrange(start_at, end_at)),
                -- The guarantee: no two confirmed appointments of one staff member overlap, buffers included.
                CONSTRAINT appointments_no_overlap EXCLUDE USING gist (staff_id WITH =, occupied WITH &&) WHERE (status = 'confirmed')
            );
            CREATE INDEX appointments_business_start ON appointments (business_id, start_at);

            CREATE TABLE appointment_history (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                appointment_id uuid NOT NULL REFERENCES appointments (id),
                version int NOT NULL,
                event text NOT NULL,
                staff_id uuid NOT NULL,
                status text NOT NULL,
                start_at timestamptz NOT NULL,
                end_at timestamptz NOT NULL,
                at timestamptz NOT NULL,
                UNIQUE (appointment_id, version)
            );

            CREATE TABLE idempotency_records (
                business_id uuid NOT NULL REFERENCES businesses (id),
                key text NOT NULL,
                request_hash bytea NOT NULL,
                status_code int NOT NULL,
                response_body text NOT NULL,
                created_at timestamptz NOT NULL,
                PRIMARY KEY (business_id, key)
            );

            CREATE TABLE outbox (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                business_id uuid NOT NULL,
                type text NOT NULL,
                payload jsonb NOT NULL,
                created_at timestamptz NOT NULL
            );

            -- Wakes the projector; polling remains its safety net.
            CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('fastbooking_outbox', '');
                RETURN NULL;
            END $$;
            CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
            """);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.Sql("""
            DROP TABLE IF EXISTS outbox, idempotency_records, appointment_history, appointments, date_overrides,
                time_off, weekly_ranges, service_staff, services, staff, api_keys, businesses;
            DROP FUNCTION IF EXISTS outbox_notify();
            """);
    }
}
