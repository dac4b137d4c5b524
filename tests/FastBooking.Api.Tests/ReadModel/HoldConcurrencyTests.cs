using System.Net;
using FastBooking.Api.Tests.Support;

namespace FastBooking.Api.Tests.ReadModel;

/// <summary>
/// Holds placed at the same moment: the Lua check-and-reserve lets exactly one through. Each test starts once the
/// projector has caught up, so that Redis is in use whatever an earlier test did to it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class HoldConcurrencyTests(ApiFactory api) : ApiTest(api)
{
    private const string Day = "2026-12-01";

    /// <summary>Exactly one 201 with a token; every other answer is 409 hold_conflict. Returns the winning hold's start.</summary>
    private static async Task<string> AssertExactlyOneHoldAsync(HttpResponseMessage[] responses)
    {
        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.True(created.Count == 1, $"{created.Count} holds were placed: " +
            string.Join(", ", responses.GroupBy(r => (int)r.StatusCode).Select(g => $"{g.Count()} × {g.Key}")));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await SalonClient.AssertProblem(refused, HttpStatusCode.Conflict, "hold_conflict");
        var hold = await SalonClient.Json(created[0]);
        Assert.StartsWith("hld_", hold["token"]!.GetValue<string>());
        return hold["start"]!.GetValue<string>();
    }

    [Fact]
    public async Task Two_hundred_concurrent_holds_on_one_slot_give_exactly_one_token()
    {
        await Api.CatchUpAsync();
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 200)
            .Select(_ => salon.HoldAsync(service, staff, "2026-12-01T10:00:00Z")));

        await AssertExactlyOneHoldAsync(responses);
        Assert.DoesNotContain("2026-12-01T10:00:00+00:00", SalonClient.Starts(await salon.AvailabilityAsync(service, Day, Day, staff)));
        await Api.Services.AssertPathsAgreeAsync(salon, service, staff, Day, Day);
    }

    [Fact]
    public async Task Two_hundred_concurrent_holds_overlapping_only_through_buffers_give_exactly_one_token()
    {
        await Api.CatchUpAsync();
        // 30 minutes with 15 before and 15 after: 10:00 occupies 09:45–10:45 and 10:45 occupies 10:30–11:30, so the
        // appointments themselves (10:00–10:30, 10:45–11:15) are disjoint but their occupied ranges overlap.
        var (salon, staff, service) = await NewSalonWithServiceAsync(minutes: 30, before: 15, after: 15);
        string[] starts = ["2026-12-01T10:00:00Z", "2026-12-01T10:45:00Z", "2026-12-01T10:15:00Z", "2026-12-01T10:30:00Z"];

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => salon.HoldAsync(service, staff, starts[i % starts.Length])));

        var won = await AssertExactlyOneHoldAsync(responses);
        var free = SalonClient.Starts(await salon.AvailabilityAsync(service, Day, Day, staff));
        // Occupied ranges are an hour long: no start within an hour of the held one is offered.
        Assert.DoesNotContain(free, s => Math.Abs((DateTimeOffset.Parse(s) - DateTimeOffset.Parse(won)).TotalMinutes) < 60);
        Assert.Contains(DateTimeOffset.Parse(won).AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss+00:00"), free);
        await Api.Services.AssertPathsAgreeAsync(salon, service, staff, Day, Day);
    }

    [Fact]
    public async Task Concurrent_holds_and_bookings_of_one_slot_never_both_succeed()
    {
        await Api.CatchUpAsync();
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        var calls = Enumerable.Range(0, 100).Select(i => i % 2 == 0
            ? salon.HoldAsync(service, staff, "2026-12-01T10:00:00Z")
            : salon.BookAsync(service, staff, "2026-12-01T10:00:00Z", customer: $"Customer {i}"));
        var responses = await Task.WhenAll(calls);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            var problem = await SalonClient.Json(refused);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains(problem["code"]!.GetValue<string>(), new[] { "hold_conflict", "slot_taken" });
        }
        Assert.DoesNotContain("2026-12-01T10:00:00+00:00", SalonClient.Starts(await salon.AvailabilityAsync(service, Day, Day, staff)));
        await Api.Services.AssertPathsAgreeAsync(salon, service, staff, Day, Day);
        await salon.AssertConsistentAsync(Day, Day);
    }
}
