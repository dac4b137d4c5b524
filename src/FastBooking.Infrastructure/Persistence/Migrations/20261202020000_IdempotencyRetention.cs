using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FastBooking.Infrastructure.Persistence.Migrations;

/// <summary>Idempotency records are pruned by age: an index finds the old ones without reading the rest.</summary>
[DbContext(typeof(FastBookingDb))]
[Migration("20261202020000_IdempotencyRetention")]
public sealed class IdempotencyRetention : Migration
{
    protected override void Up(MigrationBuilder m) => m.Sql("CREATE INDEX idempotency_records_created ON idempotency_records (created_at);");

    protected override void Down(MigrationBuilder m) => m.Sql("DROP INDEX idempotency_records_created;");
}
