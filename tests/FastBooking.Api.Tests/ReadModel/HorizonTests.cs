using System.Net;
using FastBooking.Api.Tests.Support;

namespace FastBooking.Api.Tests.ReadModel;

/// <summary>The read model keeps only the days it refreshes: yesterday to the end of the booking window.</summary>
[Collection(ApiCollection.Name)]
public sealed class HorizonTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Availability_beyond_the_horizon_is_computed_but_not_stored()
    {
        await Api.CatchUpAsync();
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        await salon.AvailabilityAsync(service, "2027-06-01", "2027-06-02");

        await using var redis = await ReadModelHelpers.ConnectRedisAsync();
        var db = redis.GetDatabase();
        Assert.False(await db.KeyExistsAsync($"fb:{{{salon.BusinessId}}}:day:{staff}:2027-06-01"));
        Assert.True(await db.KeyExistsAsync($"fb:{{{salon.BusinessId}}}:day:{staff}:2026-12-01"));
    }

    [Theory]
    [InlineData("9999-12-30", "9999-12-31")]
    [InlineData("0001-01-01", "0001-01-02")]
    public async Task Dates_at_the_ends_of_the_calendar_are_refused_not_failed(string from, string to)
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        var response = await salon.Http.GetAsync($"/v1/availability?serviceId={service}&from={from}&to={to}");

        await SalonClient.AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_start_at_the_end_of_the_calendar_is_refused_not_failed()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();

        var response = await salon.BookAsync(service, staff, "9999-12-31T23:00:00Z");

        await SalonClient.AssertProblem(response, HttpStatusCode.BadRequest, "validation_failed");
    }
}
