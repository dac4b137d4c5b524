using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FastBooking.Infrastructure.Persistence.Migrations;

/// <summary>API keys carry their first characters, so that a business can tell its keys apart when listing them
/// (keys made before this have none: only their hash was kept).</summary>
[DbContext(typeof(FastBookingDb))]
[Migration("20261202010000_ApiKeyPrefixes")]
public sealed class ApiKeyPrefixes : Migration
{
    protected override void Up(MigrationBuilder m) => m.Sql("""
        ALTER TABLE api_keys ADD COLUMN prefix text NOT NULL DEFAULT '';
        CREATE INDEX api_keys_business ON api_keys (business_id, created_at);
        """);

    protected override void Down(MigrationBuilder m) => m.Sql("""
        DROP INDEX api_keys_business;
        ALTER TABLE api_keys DROP COLUMN prefix;
        """);
}
