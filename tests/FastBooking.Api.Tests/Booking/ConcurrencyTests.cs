using System.Net;
using FastBooking.Api.Tests.Support;

namespace FastBooking.Api.Tests.Booking;

[Collection(ApiCollection.Name)]
public sealed class ConcurrencyTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Two_hundred_concurrent_bookings_of_one_slot_confirm_exactly_one()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 200)
            .Select(i => salon.BookAsync(service, staff, "2026-12-01T10:00:00Z", customer: $"Customer {i}")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await SalonClient.AssertProblem(refused, HttpStatusCode.Conflict, "slot_taken");
        Assert.Equal(1, await salon.ConfirmedCountAsync());
    }

    [Fact]
    public async Task Concurrent_overlapping_starts_never_confirm_overlapping_appointments()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync(minutes: 60);
        string[] days = ["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"];
        string[] times = ["10:00", "10:15", "10:30", "10:45", "11:00"];
        var starts = from day in days from time in times from copy in Enumerable.Range(0, 10) select $"{day}T{time}:00Z";

        var responses = await Task.WhenAll(starts.Select(start => salon.BookAsync(service, staff, start)));

        var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        Assert.InRange(created, days.Length, days.Length * 2); // per day: 10:00 + 11:00 at most, one of the starts at least
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await SalonClient.AssertProblem(refused, HttpStatusCode.Conflict, "slot_taken");
        Assert.Equal(created, await salon.ConfirmedCountAsync());
        Assert.Equal(0, await salon.OverlapCountAsync());
    }

    [Fact]
    public async Task Concurrent_any_staff_bookings_of_one_start_give_each_staff_member_one()
    {
        var (salon, first, second, service) = await NewSalonWithTwoStaffAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => salon.BookAsync(service, null, "2026-12-01T10:00:00Z")));

        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.Equal(2, created.Count);
        var staffIds = new List<string>();
        foreach (var response in created) staffIds.Add((await SalonClient.Json(response))["staffId"]!.GetValue<string>());
        Assert.Equal(new[] { first, second }.Order(), staffIds.Order());
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await SalonClient.AssertProblem(refused, HttpStatusCode.Conflict, "slot_taken");
        Assert.Equal(2, await salon.ConfirmedCountAsync());
    }

    [Fact]
    public async Task Concurrent_reschedules_of_one_appointment_apply_one_after_another()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var id = await salon.BookedAsync(service, staff, "2026-12-01T09:00:00Z");
        var targets = Enumerable.Range(0, 10).Select(i => $"2026-12-{2 + i:D2}T10:00:00Z").ToList();

        var responses = await Task.WhenAll(targets.Select(t => salon.RescheduleAsync(id, t)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var versions = new List<int>();
        foreach (var r in responses) versions.Add((await SalonClient.Json(r))["version"]!.GetValue<int>());
        Assert.Equal(Enumerable.Range(2, 10), versions.Order());
        Assert.Equal(11, await salon.CountAsync($"SELECT count(DISTINCT version) FROM appointment_history WHERE appointment_id = '{id}'"));
        Assert.Equal(1, await salon.ConfirmedCountAsync());
    }

    [Fact]
    public async Task Concurrent_cancellations_of_one_appointment_cancel_it_once()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        var id = await salon.BookedAsync(service, staff, "2026-12-01T09:00:00Z");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => salon.CancelAsync(id)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            await SalonClient.AssertProblem(refused, HttpStatusCode.Conflict, "already_cancelled");
        Assert.Equal(2, await salon.CountAsync($"SELECT version FROM appointments WHERE id = '{id}'"));
    }
}
