using System.Net;
using FastBooking.Api.Tests.Support;
using NodaTime;

namespace FastBooking.Api.Tests.ReadModel;

/// <summary>
/// Holds through HTTP: what a hold hides, what frees it, and what a hold token lets a booking do. Each test starts once
/// the projector has caught up, so that Redis is in use whatever an earlier test did to it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class HoldTests(ApiFactory api) : ApiTest(api)
{
    private const string Day = "2026-12-01";
    private const string Ten = "2026-12-01T10:00:00+00:00";

    /// <summary>Once caught up: a salon with one staff member and one 30-minute service whose holds last <paramref name="holdTtlSeconds"/>.</summary>
    private async Task<(SalonClient Salon, string Staff, string Service)> SalonAsync(int holdTtlSeconds = 300)
    {
        await Api.CatchUpAsync();
        return await NewSalonWithServiceAsync(rules: ReadModelHelpers.Rules(holdTtlSeconds));
    }

    private async Task<List<string>> StartsAsync(SalonClient salon, string service, string? staff = null) =>
        SalonClient.Starts(await salon.AvailabilityAsync(service, Day, Day, staff));

    [Fact]
    public async Task A_hold_answers_its_token_staff_service_times_and_expiry()
    {
        var (salon, staff, service) = await SalonAsync(holdTtlSeconds: 300);

        var hold = await salon.HeldAsync(service, staff, "2026-12-01T10:00:00Z");

        Assert.StartsWith("hld_", hold["token"]!.GetValue<string>());
        Assert.Equal(staff, hold["staffId"]!.GetValue<string>());
        Assert.Equal(service, hold["serviceId"]!.GetValue<string>());
        Assert.Equal(Ten, hold["start"]!.GetValue<string>());
        Assert.Equal("2026-12-01T10:30:00+00:00", hold["end"]!.GetValue<string>());
        Assert.Equal("2026-11-24T12:05:00+00:00", hold["expiresAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_hold_hides_its_slot_from_availability_on_both_read_paths()
    {
        var (salon, staff, service) = await SalonAsync();
        Assert.Contains(Ten, await StartsAsync(salon, service, staff));

        await salon.HeldAsync(service, staff, Ten);

        var starts = await StartsAsync(salon, service, staff);
        Assert.DoesNotContain(Ten, starts);
        Assert.DoesNotContain("2026-12-01T09:45:00+00:00", starts); // 09:45–10:15 overlaps the held 10:00–10:30
        Assert.Contains("2026-12-01T10:30:00+00:00", starts);
        var agreed = await Api.Services.AssertPathsAgreeAsync(salon, service, staff, Day, Day);
        Assert.DoesNotContain(agreed.Slots, s => s.StartsWith("2026-12-01T10:00:00Z/"));
    }

    [Fact]
    public async Task A_hold_on_one_staff_member_leaves_the_others_in_the_any_staff_answer()
    {
        await Api.CatchUpAsync();
        var (salon, first, second, service) = await NewSalonWithTwoStaffAsync();

        var hold = await salon.HeldAsync(service, first, Ten);

        var slot = (await salon.AvailabilityAsync(service, Day, Day))["slots"]!.AsArray()
            .Single(s => s!["start"]!.GetValue<string>() == Ten)!;
        Assert.Equal([second], slot["staffIds"]!.AsArray().Select(id => id!.GetValue<string>()));
        Assert.Equal(first, hold["staffId"]!.GetValue<string>());
        await Api.Services.AssertPathsAgreeAsync(salon, service, null, Day, Day);
    }

    [Fact]
    public async Task An_any_staff_hold_takes_a_free_staff_member_and_a_second_one_takes_the_other()
    {
        await Api.CatchUpAsync();
        var (salon, first, second, service) = await NewSalonWithTwoStaffAsync();

        var a = await salon.HeldAsync(service, null, Ten);
        var b = await salon.HeldAsync(service, null, Ten);
        var third = await salon.HoldAsync(service, null, Ten);

        Assert.Equal(new[] { first, second }.Order(), new[] { a["staffId"]!.GetValue<string>(), b["staffId"]!.GetValue<string>() }.Order());
        await SalonClient.AssertProblem(third, HttpStatusCode.Conflict, "hold_conflict");
        Assert.DoesNotContain(Ten, await StartsAsync(salon, service));
    }

    [Fact]
    public async Task A_hold_on_a_booked_range_is_refused()
    {
        var (salon, staff, service) = await SalonAsync();
        await salon.BookedAsync(service, staff, "2026-12-01T10:15:00Z");

        var response = await salon.HoldAsync(service, staff, Ten);

        await SalonClient.AssertProblem(response, HttpStatusCode.Conflict, "hold_conflict");
    }

    [Fact]
    public async Task An_expired_hold_frees_its_range_by_itself()
    {
        var (salon, staff, service) = await SalonAsync(holdTtlSeconds: 120);
        await salon.HeldAsync(service, staff, Ten);
        Assert.DoesNotContain(Ten, await StartsAsync(salon, service, staff));

        Api.Clock.Advance(Duration.FromSeconds(121));

        Assert.Contains(Ten, await StartsAsync(salon, service, staff));
        var agreed = await Api.Services.AssertPathsAgreeAsync(salon, service, staff, Day, Day);
        Assert.Contains(agreed.Slots, s => s.StartsWith("2026-12-01T10:00:00Z/"));
        await salon.HeldAsync(service, staff, Ten); // a new customer may hold it
    }

    [Fact]
    public async Task A_hold_still_blocks_one_second_before_it_expires()
    {
        var (salon, staff, service) = await SalonAsync(holdTtlSeconds: 120);
        await salon.HeldAsync(service, staff, Ten);

        Api.Clock.Advance(Duration.FromSeconds(119));

        Assert.DoesNotContain(Ten, await StartsAsync(salon, service, staff));
        await SalonClient.AssertProblem(await salon.HoldAsync(service, staff, Ten), HttpStatusCode.Conflict, "hold_conflict");
        await SalonClient.AssertProblem(await salon.BookAsync(service, staff, Ten), HttpStatusCode.Conflict, "hold_conflict");
    }

    [Fact]
    public async Task A_released_hold_frees_its_range_at_once()
    {
        var (salon, staff, service) = await SalonAsync();
        var token = (await salon.HeldAsync(service, staff, Ten))["token"]!.GetValue<string>();

        var released = await salon.ReleaseHoldAsync(token);

        Assert.Equal(HttpStatusCode.NoContent, released.StatusCode);
        Assert.Contains(Ten, await StartsAsync(salon, service, staff));
        await Api.Services.AssertPathsAgreeAsync(salon, service, staff, Day, Day);
        await salon.HeldAsync(service, staff, Ten);
    }

    [Fact]
    public async Task Releasing_an_unknown_hold_answers_not_found()
    {
        var (salon, _, _) = await SalonAsync();

        var response = await salon.ReleaseHoldAsync("hld_00000000000000000000000000000000");

        await SalonClient.AssertProblem(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Booking_without_the_token_cannot_take_a_held_range()
    {
        var (salon, staff, service) = await SalonAsync();
        await salon.HeldAsync(service, staff, Ten);

        await salon.AssertHeldAgainstBookingsAsync(service, staff, Ten, "2026-12-01T10:15:00Z");
    }

    [Fact]
    public async Task Booking_with_the_token_confirms_exactly_that_hold()
    {
        await Api.CatchUpAsync();
        var (salon, first, second, service) = await NewSalonWithTwoStaffAsync();
        var hold = await salon.HeldAsync(service, second, Ten);
        var token = hold["token"]!.GetValue<string>();

        var booked = await SalonClient.Ok(salon.BookWithHoldAsync(service, null, Ten, token));

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var appointment = await SalonClient.Json(booked);
        Assert.Equal(second, appointment["staffId"]!.GetValue<string>());
        Assert.Equal(Ten, appointment["start"]!.GetValue<string>());
        Assert.Equal(service, appointment["serviceId"]!.GetValue<string>());
        await SalonClient.AssertProblem(await salon.ReleaseHoldAsync(token), HttpStatusCode.NotFound, "not_found");
        await SalonClient.AssertProblem(await salon.BookWithHoldAsync(service, null, Ten, token), HttpStatusCode.Conflict, "hold_conflict");
        Assert.Equal(1, await salon.ConfirmedCountAsync());
        await Api.Services.AssertPathsAgreeAsync(salon, service, null, Day, Day);
        await salon.AssertConsistentAsync(Day, Day);
    }

    [Fact]
    public async Task A_hold_token_for_another_start_is_refused()
    {
        var (salon, staff, service) = await SalonAsync();
        var token = (await salon.HeldAsync(service, staff, Ten))["token"]!.GetValue<string>();

        var response = await salon.BookWithHoldAsync(service, staff, "2026-12-01T11:00:00Z", token);

        await SalonClient.AssertProblem(response, HttpStatusCode.Conflict, "hold_conflict");
        Assert.Equal(0, await salon.ConfirmedCountAsync());
        Assert.DoesNotContain(Ten, await StartsAsync(salon, service, staff)); // the hold still stands
    }

    [Fact]
    public async Task A_hold_token_for_another_service_is_refused()
    {
        var (salon, staff, service) = await SalonAsync();
        var other = await salon.AddServiceAsync([staff], minutes: 30);
        var token = (await salon.HeldAsync(service, staff, Ten))["token"]!.GetValue<string>();

        var response = await salon.BookWithHoldAsync(other, staff, Ten, token);

        await SalonClient.AssertProblem(response, HttpStatusCode.Conflict, "hold_conflict");
        Assert.Equal(0, await salon.ConfirmedCountAsync());
    }

    [Fact]
    public async Task A_hold_token_for_another_staff_member_is_refused()
    {
        await Api.CatchUpAsync();
        var (salon, first, second, service) = await NewSalonWithTwoStaffAsync();
        var token = (await salon.HeldAsync(service, first, Ten))["token"]!.GetValue<string>();

        var response = await salon.BookWithHoldAsync(service, second, Ten, token);

        await SalonClient.AssertProblem(response, HttpStatusCode.Conflict, "hold_conflict");
        Assert.Equal(0, await salon.ConfirmedCountAsync());
    }

    [Fact]
    public async Task An_expired_hold_token_no_longer_confirms_and_the_range_is_bookable_without_it()
    {
        var (salon, staff, service) = await SalonAsync(holdTtlSeconds: 120);
        var token = (await salon.HeldAsync(service, staff, Ten))["token"]!.GetValue<string>();
        Api.Clock.Advance(Duration.FromMinutes(3));

        var withToken = await salon.BookWithHoldAsync(service, staff, Ten, token);
        var without = await salon.BookAsync(service, staff, Ten);

        await SalonClient.AssertProblem(withToken, HttpStatusCode.Conflict, "hold_conflict");
        Assert.Equal(HttpStatusCode.Created, without.StatusCode);
    }

    [Fact]
    public async Task Rescheduling_with_a_hold_token_moves_the_appointment_into_the_held_range()
    {
        var (salon, staff, service) = await SalonAsync();
        var id = await salon.BookedAsync(service, staff, "2026-12-01T09:00:00Z");
        var token = (await salon.HeldAsync(service, staff, Ten))["token"]!.GetValue<string>();
        await SalonClient.AssertProblem(await salon.RescheduleAsync(id, Ten), HttpStatusCode.Conflict, "hold_conflict");

        var moved = await SalonClient.Json(await SalonClient.Ok(salon.SendAsync(HttpMethod.Post, $"/v1/appointments/{id}/reschedule",
            new { start = Ten, holdToken = token })));

        Assert.Equal(Ten, moved["start"]!.GetValue<string>());
        await SalonClient.AssertProblem(await salon.ReleaseHoldAsync(token), HttpStatusCode.NotFound, "not_found");
        var starts = await StartsAsync(salon, service, staff);
        Assert.Contains("2026-12-01T09:00:00+00:00", starts);
        Assert.DoesNotContain(Ten, starts);
        await Api.Services.AssertPathsAgreeAsync(salon, service, staff, Day, Day);
        await salon.AssertConsistentAsync(Day, Day);
    }

    [Fact]
    public async Task A_booking_refused_after_its_hold_was_checked_keeps_the_hold()
    {
        var (salon, staff, service) = await SalonAsync();
        var token = (await salon.HeldAsync(service, staff, Ten))["token"]!.GetValue<string>();
        // The staff member goes off sick after the hold: the booking is refused by the rules, not by the hold.
        await SalonClient.Ok(salon.SendAsync(HttpMethod.Post, $"/v1/staff/{staff}/time-off",
            new { start = "2026-12-01T00:00:00Z", end = "2026-12-02T00:00:00Z" }));

        var refused = await salon.BookWithHoldAsync(service, staff, Ten, token);

        await SalonClient.AssertProblem(refused, HttpStatusCode.UnprocessableEntity, "outside_open_time");
        Assert.Equal(HttpStatusCode.NoContent, (await salon.ReleaseHoldAsync(token)).StatusCode); // still there to release
    }
}
