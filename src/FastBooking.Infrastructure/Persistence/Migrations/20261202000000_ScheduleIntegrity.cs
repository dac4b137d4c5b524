using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FastBooking.Infrastructure.Persistence.Migrations;

/// <summary>
/// The schema forbids what the domain forbids, so that no path can store a schedule the engine cannot read: weekly
/// ranges of one staff member, kind and weekday never overlap (touching is fine), and a date override's ranges are
/// within the day, ascending and disjoint. Overlapping weekly ranges that concurrent replacements stored before this
/// are merged into their union first (touching ranges stay apart, as the domain allows); overrides the API could never
/// have written are dropped. The read model is told of every staff member repaired (an outbox row each).
/// </summary>
[DbContext(typeof(FastBookingDb))]
[Migration("20261202000000_ScheduleIntegrity")]
public sealed class ScheduleIntegrity : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.Sql("""
            CREATE TEMP TABLE schedule_repaired (staff_id uuid NOT NULL);

            WITH ordered AS (
                SELECT id, staff_id, kind, weekday, start_minute, end_minute,
                       max(end_minute) OVER (PARTITION BY staff_id, kind, weekday ORDER BY start_minute, end_minute, id
                                             ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
                FROM weekly_ranges),
            grouped AS (
                SELECT *, sum(CASE WHEN reach IS NULL OR start_minute >= reach THEN 1 ELSE 0 END)
                          OVER (PARTITION BY staff_id, kind, weekday ORDER BY start_minute, end_minute, id) AS run
                FROM ordered),
            merged AS (
                SELECT staff_id, min(id) AS keep, array_agg(id) AS ids, min(start_minute) AS start_minute, max(end_minute) AS end_minute
                FROM grouped GROUP BY staff_id, kind, weekday, run HAVING count(*) > 1),
            dropped AS (
                DELETE FROM weekly_ranges w USING merged
                WHERE w.id = ANY (merged.ids) AND w.id <> merged.keep),
            kept AS (
                UPDATE weekly_ranges w SET start_minute = merged.start_minute, end_minute = merged.end_minute
                FROM merged WHERE w.id = merged.keep)
            INSERT INTO schedule_repaired SELECT staff_id FROM merged;

            ALTER TABLE weekly_ranges ADD CONSTRAINT weekly_ranges_no_overlap
                EXCLUDE USING gist (staff_id WITH =, kind WITH =, weekday WITH =, int4range(start_minute, end_minute) WITH &&);

            CREATE FUNCTION day_ranges_are_readable(starts int[], ends int[]) RETURNS boolean
                LANGUAGE sql IMMUTABLE STRICT AS $$
                SELECT cardinality(starts) = cardinality(ends) AND cardinality(starts) <= 12
                   AND NOT EXISTS (
                       SELECT 1 FROM generate_subscripts(starts, 1) AS i
                       WHERE starts[i] IS NULL OR ends[i] IS NULL OR starts[i] < 0 OR ends[i] > 1440 OR starts[i] >= ends[i]
                          OR (i > 1 AND starts[i] < ends[i - 1]))
                $$;
            WITH dropped AS (DELETE FROM date_overrides WHERE NOT day_ranges_are_readable(start_minutes, end_minutes) RETURNING staff_id)
            INSERT INTO schedule_repaired SELECT staff_id FROM dropped;
            ALTER TABLE date_overrides ADD CONSTRAINT date_overrides_readable
                CHECK (day_ranges_are_readable(start_minutes, end_minutes));

            INSERT INTO outbox (business_id, type, payload, created_at)
            SELECT s.business_id, 'schedule.changed', jsonb_build_object('staffId', s.id), now()
            FROM staff s WHERE s.id IN (SELECT staff_id FROM schedule_repaired);
            DROP TABLE schedule_repaired;
            """);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.Sql("""
            ALTER TABLE date_overrides DROP CONSTRAINT date_overrides_readable;
            DROP FUNCTION day_ranges_are_readable(int[], int[]);
            ALTER TABLE weekly_ranges DROP CONSTRAINT weekly_ranges_no_overlap;
            """);
    }
}
