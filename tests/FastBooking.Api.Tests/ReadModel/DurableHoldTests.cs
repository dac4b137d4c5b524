using System.Diagnostics.Metrics;
using System.Net;
using FastBooking.Api.Tests.Support;
using FastBooking.Application.Appointments;
using FastBooking.Application.Holds;
using FastBooking.Application.ReadModel;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Holds;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using FastBooking.Infrastructure.Holds;
using FastBooking.Infrastructure.ReadModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;

namespace FastBooking.Api.Tests.ReadModel;

/// <summary>
/// Holds are kept in PostgreSQL as well as Redis: they are honoured when Redis is down (a host whose Redis is a closed
/// port) or behind, and a stale bitmap cannot grant a hold on a booked range. Holds are placed on the healthy host;
/// the host without Redis reads the same database.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DurableHoldTests(ApiFactory api, NoRedisFactory down) : ApiTest(api)
{
    private const string Day = "2026-12-01";
    private const string Ten = "2026-12-01T10:00:00Z";

    /// <summary>Once caught up: a salon with one staff member and one 30-minute service, and the host without Redis at the same "now".</summary>
    private async Task<(SalonClient Salon, string Staff, string Service)> SalonAsync(int holdTtlSeconds = 300)
    {
        await Api.CatchUpAsync();
        down.Clock.Reset(ApiFactory.StandardNow);
        return await NewSalonWithServiceAsync(rules: ReadModelHelpers.Rules(holdTtlSeconds));
    }

    private static string TokenOf(System.Text.Json.Nodes.JsonNode hold) => hold["token"]!.GetValue<string>();

    [Fact]
    public async Task A_booking_without_the_token_cannot_take_a_held_range_when_redis_is_down()
    {
        var (salon, staff, service) = await SalonAsync();
        await salon.HeldAsync(service, staff, Ten);

        await salon.On(down).AssertHeldAgainstBookingsAsync(service, staff, Ten, "2026-12-01T10:15:00Z");
    }

    [Fact]
    public async Task A_hold_that_ran_out_has_its_record_deleted_and_is_counted_as_expired_while_a_live_one_stays()
    {
        long expired = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "fastbooking.holds.expired") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, rows, _, _) => Interlocked.Add(ref expired, rows));
        listener.Start();
        var (salon, staff, service) = await SalonAsync();
        await salon.HeldAsync(service, staff, Ten);
        Api.Clock.Advance(Duration.FromSeconds(301));
        await salon.HeldAsync(service, staff, "2026-12-01T11:00:00Z");

        // The engine's own pass may come first; either way the row is deleted and counted once.
        await Api.Services.GetRequiredService<ExpiredHoldPruner>().PruneAsync(CancellationToken.None);

        Assert.True(Interlocked.Read(ref expired) >= 1);
        Assert.Equal(1, await salon.CountAsync("SELECT count(*) FROM holds WHERE business_id = @business"));
        Assert.Equal(1, await salon.CountAsync("SELECT count(*) FROM holds WHERE business_id = @business AND booked @> '2026-12-01T11:00:00Z'::timestamptz"));
    }

    [Fact]
    public async Task The_holder_books_with_its_token_when_redis_is_down()
    {
        var (salon, staff, service) = await SalonAsync();
        var token = TokenOf(await salon.HeldAsync(service, staff, Ten));

        var booked = await salon.On(down).BookWithHoldAsync(service, staff, Ten, token);

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.Equal(staff, (await SalonClient.Json(booked))["staffId"]!.GetValue<string>());
        Assert.Equal(0, await salon.CountAsync("SELECT count(*) FROM holds WHERE business_id = @business"));
        await SalonClient.AssertProblem(await salon.On(down).BookWithHoldAsync(service, staff, Ten, token), HttpStatusCode.Conflict, "hold_conflict");
    }

    [Fact]
    public async Task An_any_staff_booking_falls_through_to_a_staff_member_nobody_holds_when_redis_is_down()
    {
        await Api.CatchUpAsync();
        down.Clock.Reset(ApiFactory.StandardNow);
        var (salon, first, second, service) = await NewSalonWithTwoStaffAsync();
        var day = LocalDay.Of(new LocalDate(2026, 12, 1), DateTimeZoneProviders.Tzdb["Europe/London"]);
        var policyFirst = AnyStaffPolicy.InOrder([new StaffId(Guid.Parse(first)), new StaffId(Guid.Parse(second))], [], day)[0].Value.ToString();
        await salon.HeldAsync(service, policyFirst, Ten);

        var booked = await SalonClient.Json(await SalonClient.Ok(salon.On(down).BookAsync(service, null, Ten)));

        Assert.Equal(policyFirst == first ? second : first, booked["staffId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rescheduling_into_a_range_someone_else_holds_is_refused_when_redis_is_down()
    {
        var (salon, staff, service) = await SalonAsync();
        var id = await salon.BookedAsync(service, staff, "2026-12-01T09:00:00Z");
        await salon.HeldAsync(service, staff, Ten);

        var moved = await salon.On(down).RescheduleAsync(id, Ten);

        await SalonClient.AssertProblem(moved, HttpStatusCode.Conflict, "hold_conflict");
    }

    [Fact]
    public async Task Availability_from_postgres_hides_held_slots_when_redis_is_down()
    {
        var (salon, staff, service) = await SalonAsync();
        await salon.HeldAsync(service, staff, Ten);

        var starts = SalonClient.Starts(await salon.On(down).AvailabilityAsync(service, Day, Day, staff));

        Assert.DoesNotContain("2026-12-01T10:00:00+00:00", starts);
        Assert.DoesNotContain("2026-12-01T09:45:00+00:00", starts);
        Assert.Contains("2026-12-01T10:30:00+00:00", starts);
    }

    [Fact]
    public async Task A_hold_released_when_redis_is_down_frees_its_range()
    {
        var (salon, staff, service) = await SalonAsync();
        var token = TokenOf(await salon.HeldAsync(service, staff, Ten));
        var noRedis = salon.On(down);

        var released = await noRedis.ReleaseHoldAsync(token);

        Assert.Equal(HttpStatusCode.NoContent, released.StatusCode);
        Assert.Contains("2026-12-01T10:00:00+00:00", SalonClient.Starts(await noRedis.AvailabilityAsync(service, Day, Day, staff)));
        Assert.Equal(HttpStatusCode.Created, (await noRedis.BookAsync(service, staff, Ten)).StatusCode);
        await SalonClient.AssertProblem(await noRedis.ReleaseHoldAsync(token), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task An_expired_hold_no_longer_blocks_a_booking_when_redis_is_down()
    {
        var (salon, staff, service) = await SalonAsync(holdTtlSeconds: 120);
        var token = TokenOf(await salon.HeldAsync(service, staff, Ten));
        var noRedis = salon.On(down);

        down.Clock.Advance(Duration.FromSeconds(121));

        Assert.Contains("2026-12-01T10:00:00+00:00", SalonClient.Starts(await noRedis.AvailabilityAsync(service, Day, Day, staff)));
        await SalonClient.AssertProblem(await noRedis.BookWithHoldAsync(service, staff, Ten, token), HttpStatusCode.Conflict, "hold_conflict");
        Assert.Equal(HttpStatusCode.Created, (await noRedis.BookAsync(service, staff, Ten)).StatusCode);
    }

    [Fact]
    public async Task A_hold_still_blocks_a_booking_one_second_before_it_expires_when_redis_is_down()
    {
        var (salon, staff, service) = await SalonAsync(holdTtlSeconds: 120);
        await salon.HeldAsync(service, staff, Ten);

        down.Clock.Advance(Duration.FromSeconds(119));

        await SalonClient.AssertProblem(await salon.On(down).BookAsync(service, staff, Ten), HttpStatusCode.Conflict, "hold_conflict");
    }

    [Fact]
    public async Task A_hold_on_a_range_booked_behind_a_stale_bitmap_is_refused()
    {
        var (salon, staff, service) = await SalonAsync();
        Assert.Contains("2026-12-01T10:00:00+00:00", SalonClient.Starts(await salon.AvailabilityAsync(service, Day, Day, staff))); // projected
        // A booking whose post-commit sync and outbox row were lost: Redis still shows the range free.
        await InsertConfirmedAsync(salon, staff, service, Ten, "2026-12-01T10:30:00Z");
        Assert.Contains("2026-12-01T10:00:00+00:00", SalonClient.Starts(await salon.AvailabilityAsync(service, Day, Day, staff)));

        var hold = await salon.HoldAsync(service, staff, "2026-12-01T10:15:00Z");

        await SalonClient.AssertProblem(hold, HttpStatusCode.Conflict, "hold_conflict");
        Assert.Equal(0, await salon.CountAsync("SELECT count(*) FROM holds WHERE business_id = @business"));
        await salon.HeldAsync(service, staff, "2026-12-01T10:30:00Z"); // the script's reservation was released: the next range is free
    }

    [Fact]
    public async Task A_hold_is_placed_from_postgres_while_the_read_model_is_behind()
    {
        var (salon, staff, service) = await SalonAsync();
        await salon.BookedAsync(service, staff, "2026-12-01T11:00:00Z");
        var business = new BusinessId(Guid.Parse(salon.BusinessId));
        // A parked change degrades the business: the leader's verdict says its Redis projection is not to be trusted.
        await ExecuteAsync(salon, "INSERT INTO projector_parked (outbox_id, business_id, type, payload, error, attempts) " +
                                  "VALUES (-(floor(random() * 1e12))::bigint, @business, 'test', '{}', 'degraded by the test', 3)");
        await Api.CatchUpAsync();
        await Api.Services.GetRequiredService<ReadinessMonitor>().RefreshAsync();
        Assert.False(Api.Services.GetRequiredService<IReadModel>().IsCurrentFor(business));

        var hold = await salon.HoldAsync(service, staff, Ten);
        var second = await salon.HoldAsync(service, staff, "2026-12-01T10:15:00Z");
        var booked = await salon.HoldAsync(service, staff, "2026-12-01T11:00:00Z");
        var closed = await salon.HoldAsync(service, staff, "2026-12-01T17:00:00Z");
        await ExecuteAsync(salon, "DELETE FROM projector_parked WHERE business_id = @business");
        await Api.CatchUpAsync();

        Assert.Equal(HttpStatusCode.Created, hold.StatusCode);
        await SalonClient.AssertProblem(second, HttpStatusCode.Conflict, "hold_conflict");
        await SalonClient.AssertProblem(booked, HttpStatusCode.Conflict, "hold_conflict");
        await SalonClient.AssertProblem(closed, HttpStatusCode.UnprocessableEntity, "outside_open_time");
        await SalonClient.AssertProblem(await salon.BookAsync(service, staff, Ten), HttpStatusCode.Conflict, "hold_conflict");
        var token = TokenOf(await SalonClient.Json(hold));
        Assert.Equal(HttpStatusCode.Created, (await salon.BookWithHoldAsync(service, staff, Ten, token)).StatusCode);
        await Api.Services.AssertPathsAgreeAsync(salon, service, staff, Day, Day);
    }

    [Fact]
    public async Task A_booking_reservation_left_by_a_crashed_instance_stops_blocking_within_seconds()
    {
        var (salon, staff, service) = await SalonAsync();
        var business = new BusinessId(Guid.Parse(salon.BusinessId));
        var ttl = Duration.FromTimeSpan(Api.Services.GetRequiredService<IOptions<BookingOptions>>().Value.ReservationTtl);
        var now = Api.Clock.GetCurrentInstant();
        var range = new Interval(Instant.FromUtc(2026, 12, 1, 10, 0), Instant.FromUtc(2026, 12, 1, 10, 30));
        // What a booking's transaction reserves before it inserts, and never released: its instance died.
        var left = new Hold(HoldTokens.ReservationOf(Guid.NewGuid()), new StaffId(Guid.Parse(staff)), new ServiceId(Guid.Parse(service)), range, [range], now + ttl);
        Assert.Equal(Reservation.Reserved, await Api.Services.GetRequiredService<IHoldStore>().ReserveAsync(business, left, ttl, now, []));
        await SalonClient.AssertProblem(await salon.HoldAsync(service, staff, Ten), HttpStatusCode.Conflict, "hold_conflict");

        Api.Clock.Advance(Duration.FromSeconds(6));

        Assert.Equal(HttpStatusCode.Created, (await salon.HoldAsync(service, staff, Ten)).StatusCode);
    }

    private static async Task ExecuteAsync(SalonClient salon, string sql)
    {
        await using var connection = new NpgsqlConnection(ApiFactory.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("business", Guid.Parse(salon.BusinessId));
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A confirmed appointment written straight into PostgreSQL, bypassing the outbox and the read model.</summary>
    private static async Task InsertConfirmedAsync(SalonClient salon, string staff, string service, string from, string to)
    {
        await using var connection = new NpgsqlConnection(ApiFactory.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO appointments (id, business_id, staff_id, service_id, status, start_at, end_at, occupied, busy,
                customer_name, version, created_at, updated_at)
            VALUES (gen_random_uuid(), @business, @staff, @service, 'confirmed', @from::timestamptz, @to::timestamptz,
                tstzrange(@from::timestamptz, @to::timestamptz), tstzmultirange(tstzrange(@from::timestamptz, @to::timestamptz)), 'Lost sync', 1, now(), now())
            """, connection);
        command.Parameters.AddWithValue("business", Guid.Parse(salon.BusinessId));
        command.Parameters.AddWithValue("staff", Guid.Parse(staff));
        command.Parameters.AddWithValue("service", Guid.Parse(service));
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        await command.ExecuteNonQueryAsync();
    }
}
