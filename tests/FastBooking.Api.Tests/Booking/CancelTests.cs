using System.Net;
using FastBooking.Api.Tests.Support;
using NodaTime;

namespace FastBooking.Api.Tests.Booking;

[Collection(ApiCollection.Name)]
public sealed class CancelTests(ApiFactory api) : ApiTest(api)
{
    private const string Start = "2026-12-01T10:00:00Z";

    private async Task<(SalonClient Salon, string Staff, string Service, string Appointment)> BookedAsync()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        return (salon, staff, service, await salon.BookedAsync(service, staff, Start));
    }

    [Fact]
    public async Task Cancelling_marks_the_appointment_cancelled_with_its_reason_and_a_new_version()
    {
        var (salon, _, _, id) = await BookedAsync();

        var body = await SalonClient.Json(await SalonClient.Ok(salon.CancelAsync(id, "Feeling ill")));

        Assert.Equal(id, body["id"]!.GetValue<string>());
        Assert.Equal("cancelled", body["status"]!.GetValue<string>());
        Assert.Equal("Feeling ill", body["cancelReason"]!.GetValue<string>());
        Assert.Equal(2, body["version"]!.GetValue<int>());
        var stored = await SalonClient.Json(await SalonClient.Ok(salon.Http.GetAsync($"/v1/appointments/{id}")));
        Assert.Equal("cancelled", stored["status"]!.GetValue<string>());
        Assert.Equal(1, await salon.CountAsync(
            $"SELECT count(*) FROM appointment_history WHERE appointment_id = '{id}' AND event = 'cancelled' AND version = 2"));
    }

    [Fact]
    public async Task Cancelling_frees_the_range_for_a_new_booking()
    {
        var (salon, staff, service, id) = await BookedAsync();
        await SalonClient.AssertProblem(await salon.BookAsync(service, staff, Start), HttpStatusCode.Conflict, "slot_taken");

        await SalonClient.Ok(salon.CancelAsync(id));

        Assert.Equal(HttpStatusCode.Created, (await salon.BookAsync(service, staff, Start)).StatusCode);
        Assert.Equal(1, await salon.ConfirmedCountAsync());
    }

    [Fact]
    public async Task Cancelling_after_the_cutoff_is_refused_and_keeps_the_appointment()
    {
        var (salon, _, _, id) = await BookedAsync();
        Api.Clock.Reset(Instant.FromUtc(2026, 11, 30, 10, 0) + Duration.FromSeconds(1)); // default cut-off: 24 h

        await SalonClient.AssertProblem(await salon.CancelAsync(id), HttpStatusCode.UnprocessableEntity, "cancellation_cutoff");

        Assert.Equal(1, await salon.ConfirmedCountAsync());
    }

    [Fact]
    public async Task Cancelling_exactly_at_the_cutoff_is_allowed()
    {
        var (salon, _, _, id) = await BookedAsync();
        Api.Clock.Reset(Instant.FromUtc(2026, 11, 30, 10, 0));

        await SalonClient.Ok(salon.CancelAsync(id));

        Assert.Equal(0, await salon.ConfirmedCountAsync());
    }

    [Fact]
    public async Task Cancelling_twice_is_refused_as_already_cancelled()
    {
        var (salon, _, _, id) = await BookedAsync();
        await SalonClient.Ok(salon.CancelAsync(id));

        await SalonClient.AssertProblem(await salon.CancelAsync(id), HttpStatusCode.Conflict, "already_cancelled");

        Assert.Equal(2, await salon.CountAsync($"SELECT max(version) FROM appointments WHERE id = '{id}'"));
    }
}
