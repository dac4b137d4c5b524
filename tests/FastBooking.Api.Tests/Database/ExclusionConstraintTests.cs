using FastBooking.Api.Tests.Support;
using Npgsql;

namespace FastBooking.Api.Tests.Database;

/// <summary>The database itself refuses overlapping confirmed appointments, whatever the application checks.</summary>
[Collection(ApiCollection.Name)]
public sealed class ExclusionConstraintTests(ApiFactory api) : ApiTest(api)
{
    private async Task<(SalonClient Salon, string Staff, string Service)> BookedAtTenAsync()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync(minutes: 60);
        await salon.BookedAsync(service, staff, "2026-12-01T10:00:00Z");
        return (salon, staff, service);
    }

    /// <param name="unit">A resource unit the appointment uses for its whole range, when given.</param>
    private static async Task InsertAsync(SalonClient salon, string staff, string service, string status, string from, string to, string? unit = null)
    {
        await using var connection = new NpgsqlConnection(ApiFactory.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO appointments (id, business_id, staff_id, service_id, status, start_at, end_at, occupied, busy,
                resource_unit_id, resource_range, customer_name, version, created_at, updated_at)
            VALUES (gen_random_uuid(), @business, @staff, @service, @status, @from::timestamptz, @to::timestamptz,
                tstzrange(@from::timestamptz, @to::timestamptz), tstzmultirange(tstzrange(@from::timestamptz, @to::timestamptz)),
                @unit, CASE WHEN @unit IS NULL THEN NULL ELSE tstzrange(@from::timestamptz, @to::timestamptz) END, 'Raw SQL', 1, now(), now())
            """, connection);
        command.Parameters.Add(new NpgsqlParameter("unit", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = unit is null ? DBNull.Value : Guid.Parse(unit) });
        command.Parameters.AddWithValue("business", Guid.Parse(salon.BusinessId));
        command.Parameters.AddWithValue("staff", Guid.Parse(staff));
        command.Parameters.AddWithValue("service", Guid.Parse(service));
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Raw_insert_of_an_overlapping_confirmed_appointment_violates_the_exclusion_constraint()
    {
        var (salon, staff, service) = await BookedAtTenAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            InsertAsync(salon, staff, service, "confirmed", "2026-12-01 10:30:00+00", "2026-12-01 11:30:00+00"));

        Assert.Equal(PostgresErrorCodes.ExclusionViolation, error.SqlState); // 23P01
        Assert.Equal("appointments_no_overlap", error.ConstraintName);
        Assert.Equal(1, await salon.ConfirmedCountAsync());
    }

    [Fact]
    public async Task Raw_insert_of_an_overlapping_cancelled_appointment_is_allowed()
    {
        var (salon, staff, service) = await BookedAtTenAsync();

        await InsertAsync(salon, staff, service, "cancelled", "2026-12-01 10:30:00+00", "2026-12-01 11:30:00+00");

        Assert.Equal(2, await salon.CountAsync("SELECT count(*) FROM appointments WHERE business_id = @business"));
        Assert.Equal(0, await salon.OverlapCountAsync());
    }

    [Fact]
    public async Task Raw_insert_of_a_touching_confirmed_appointment_is_allowed_because_ranges_are_half_open()
    {
        var (salon, staff, service) = await BookedAtTenAsync();

        await InsertAsync(salon, staff, service, "confirmed", "2026-12-01 11:00:00+00", "2026-12-01 12:00:00+00");

        Assert.Equal(2, await salon.ConfirmedCountAsync());
    }

    [Fact]
    public async Task Raw_insert_of_the_same_range_for_another_staff_member_is_allowed()
    {
        var (salon, _, service) = await BookedAtTenAsync();
        var other = await salon.AddStaffAsync("Other");

        await InsertAsync(salon, other, service, "confirmed", "2026-12-01 10:00:00+00", "2026-12-01 11:00:00+00");

        Assert.Equal(2, await salon.ConfirmedCountAsync());
    }

    [Fact]
    public async Task Raw_insert_of_another_staff_members_appointment_on_a_booked_resource_unit_violates_the_unit_constraint()
    {
        var salon = await NewSalonAsync();
        var ann = await salon.AddStaffAsync("Ann");
        var bob = await salon.AddStaffAsync("Bob");
        var (basin, units) = await salon.AddResourceKindAsync("Basin", 1);
        var wash = await salon.AddServiceAsync([ann, bob], 60, resourceKind: basin);
        await salon.BookedAsync(wash, ann, "2026-12-01T10:00:00Z");

        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            InsertAsync(salon, bob, wash, "confirmed", "2026-12-01 10:30:00+00", "2026-12-01 11:30:00+00", units[0]));
        await InsertAsync(salon, bob, wash, "confirmed", "2026-12-01 11:00:00+00", "2026-12-01 12:00:00+00", units[0]);

        Assert.Equal((PostgresErrorCodes.ExclusionViolation, "appointments_resource_no_overlap"), (error.SqlState, error.ConstraintName));
        Assert.Equal(0, await salon.UnitOverlapCountAsync());
    }
}
