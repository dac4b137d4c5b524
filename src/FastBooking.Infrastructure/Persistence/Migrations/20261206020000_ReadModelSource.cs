using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FastBooking.Infrastructure.Persistence.Migrations;

/// <summary>
/// The database's identity for the read model: one random id, made when the database is. The projector's state in
/// Redis names the id it was built from, so a database dropped and made again under the same name (whose outbox ids
/// and staff versions start again from 1) is rebuilt from scratch instead of being taken for the old one.
/// </summary>
[DbContext(typeof(FastBookingDb))]
[Migration("20261206020000_ReadModelSource")]
public sealed class ReadModelSource : Migration
{
    protected override void Up(MigrationBuilder m) => m.Sql("""
        CREATE TABLE read_model_source (
            one boolean PRIMARY KEY DEFAULT true CHECK (one),
            id uuid NOT NULL DEFAULT gen_random_uuid());
        INSERT INTO read_model_source DEFAULT VALUES;
        """);

    protected override void Down(MigrationBuilder m) => m.Sql("DROP TABLE read_model_source;");
}
