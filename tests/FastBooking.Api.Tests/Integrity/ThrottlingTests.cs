using System.Net;
using System.Net.Http.Headers;
using FastBooking.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FastBooking.Api.Tests.Integrity;

/// <summary>
/// Guessing keys and hammering operator calls are throttled per client address and per business, answering 429
/// problem+json with Retry-After. A host of its own, with small limits, so that no other test is throttled; it runs in
/// the main collection, whose host has migrated the database by then.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ThrottlingTests : IClassFixture<ThrottlingTests.TightFactory>
{
    private readonly TightFactory _api;

    public ThrottlingTests(ApiFactory migrated, TightFactory api)
    {
        _ = migrated.Server;
        _api = api;
    }

    public sealed class TightFactory : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:Postgres", ApiFactory.PostgresConnectionString);
            builder.UseSetting("ConnectionStrings:Redis", ApiFactory.RedisConnectionString);
            builder.UseSetting("FastBooking:AdminKey", ApiFactory.AdminKey);
            builder.UseSetting("FastBooking:Migrate", "false");
            builder.UseSetting("FastBooking:Throttling:AuthenticationFailures", "5");
            builder.UseSetting("FastBooking:Throttling:AuthenticationWindow", "00:01:00");
            builder.UseSetting("FastBooking:Throttling:OperatorBurst", "2");
            builder.UseSetting("FastBooking:Throttling:OperatorRefill", "00:01:00");
        }
    }

    [Fact]
    public async Task Past_a_few_wrong_keys_an_address_is_answered_429_with_retry_after()
    {
        var http = _api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "fbk_wrong");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 8; i++) statuses.Add((last = await http.GetAsync("/v1/staff")).StatusCode);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), statuses.Take(5));
        await SalonClient.AssertProblem(last, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task An_address_past_its_failures_keeps_working_with_a_key_already_known()
    {
        await using var own = new TightFactory(); // a limiter no other test has spent
        var salon = await SalonClient.CreateAsync(own);
        Assert.Equal(HttpStatusCode.OK, (await salon.Http.GetAsync("/v1/staff")).StatusCode); // known from now on
        var wrong = own.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "fbk_also_wrong");
        for (var i = 0; i < 8; i++) await wrong.GetAsync("/v1/staff");

        Assert.Equal(HttpStatusCode.TooManyRequests, (await wrong.GetAsync("/v1/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await salon.Http.GetAsync("/v1/staff")).StatusCode);
    }

    [Fact]
    public async Task Operator_calls_of_one_business_are_throttled_and_another_business_is_not()
    {
        var a = await SalonClient.CreateAsync(_api);
        var b = await SalonClient.CreateAsync(_api);
        var check = "/v1/read-model/check?from=2026-12-01&to=2026-12-01";

        Assert.Equal(HttpStatusCode.OK, (await a.Http.GetAsync(check)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await a.Http.PostAsync("/v1/read-model/rebuild", null)).StatusCode);
        var third = await a.Http.GetAsync(check);

        await SalonClient.AssertProblem(third, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, (await b.Http.GetAsync(check)).StatusCode);
    }
}
