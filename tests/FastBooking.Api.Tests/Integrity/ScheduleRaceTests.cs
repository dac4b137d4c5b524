using System.Net;
using System.Net.Http.Json;
using FastBooking.Api.Tests.Support;

namespace FastBooking.Api.Tests.Integrity;

/// <summary>
/// Concurrent schedule writes of one staff member: each replaces what it names, one after another, and nothing the
/// domain cannot read is ever stored.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ScheduleRaceTests(ApiFactory api) : ApiTest(api)
{
    private const string Monday = "2026-11-30";
    private const int Writers = 8;

    private static object MondayOnly(int hour) => new
    {
        days = new[] { new { weekday = "monday", intervals = new[] { new { start = $"{hour:D2}:00", end = $"{hour + 4:D2}:30" } } } },
    };

    [Theory]
    [InlineData("working-hours", "working")]
    [InlineData("breaks", "break")]
    public async Task Concurrent_replacements_of_the_week_leave_exactly_one_of_them(string route, string kind)
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        // Each writer's Monday overlaps every other's: a merge would store overlapping ranges.
        var answers = await Task.WhenAll(Enumerable.Range(0, Writers)
            .Select(i => salon.Http.PutAsJsonAsync($"/v1/staff/{staff}/{route}", MondayOnly(8 + i))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, await salon.CountAsync($"""
            SELECT count(*) FROM weekly_ranges w JOIN staff s ON s.id = w.staff_id
            WHERE s.business_id = @business AND w.kind = '{kind}' AND w.weekday = 1
            """));
        Assert.Equal(HttpStatusCode.OK, (await salon.Http.GetAsync($"/v1/availability?serviceId={service}&from={Monday}&to={Monday}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await salon.Http.GetAsync($"/v1/read-model/check?from={Monday}&to={Monday}")).StatusCode);
    }

    [Fact]
    public async Task Concurrent_overrides_of_one_date_leave_the_last_writer()
    {
        var (salon, staff, _) = await NewSalonWithServiceAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => salon.Http.PutAsJsonAsync(
            $"/v1/staff/{staff}/overrides/{Monday}", new { intervals = new[] { new { start = $"{8 + i:D2}:00", end = $"{12 + i:D2}:00" } } })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, await salon.CountAsync("""
            SELECT count(*) FROM date_overrides o JOIN staff s ON s.id = o.staff_id WHERE s.business_id = @business
            """));
    }

    [Fact]
    public async Task The_schema_refuses_overlapping_weekly_ranges_whatever_writes_them()
    {
        var (salon, staff, _) = await NewSalonWithServiceAsync();

        var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => salon.CountAsync($"""
            WITH added AS (INSERT INTO weekly_ranges (staff_id, kind, weekday, start_minute, end_minute)
                           VALUES ('{staff}', 'working', 1, 600, 700) RETURNING 1)
            SELECT count(*) FROM added
            """));
        Assert.Equal("23P01", refused.SqlState); // the week from AddStaffAsync already has Monday 09:00–17:00
    }

    [Fact]
    public async Task The_schema_refuses_overrides_the_domain_cannot_read()
    {
        var (salon, staff, _) = await NewSalonWithServiceAsync();

        var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => salon.CountAsync($"""
            WITH added AS (INSERT INTO date_overrides (staff_id, date, start_minutes, end_minutes)
                           VALUES ('{staff}', '{Monday}', ARRAY[600, 650], ARRAY[700, 800]) RETURNING 1)
            SELECT count(*) FROM added
            """));
        Assert.Equal("23514", refused.SqlState); // check_violation: 10:50 starts before 11:40 ends
    }
}
