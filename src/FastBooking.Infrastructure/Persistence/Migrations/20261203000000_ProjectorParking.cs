using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FastBooking.Infrastructure.Persistence.Migrations;

/// <summary>
/// Outbox rows the projector could not apply after bounded retries are parked here with their error, so that one
/// business's bad row stops holding back everyone else's; the business reads from PostgreSQL until an operator replays them.
/// </summary>
[DbContext(typeof(FastBookingDb))]
[Migration("20261203000000_ProjectorParking")]
public sealed class ProjectorParking : Migration
{
    protected override void Up(MigrationBuilder m) => m.Sql("""
        CREATE TABLE projector_parked (
            outbox_id bigint PRIMARY KEY,
            business_id uuid NOT NULL,
            type text NOT NULL,
            payload jsonb NOT NULL,
            error text NOT NULL,
            attempts integer NOT NULL,
            parked_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX projector_parked_business ON projector_parked (business_id);
        """);

    protected override void Down(MigrationBuilder m) => m.Sql("DROP TABLE projector_parked;");
}
