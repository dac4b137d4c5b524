using System.Net;
using FastBooking.Api.Tests.Support;

namespace FastBooking.Api.Tests.Health;

/// <summary>An instance at capacity sheds the excess with 503 and Retry-After, keeps serving what it admitted, and
/// never refuses health checks.</summary>
[Collection(ApiCollection.Name)]
public sealed class AdmissionTests
{
    private static readonly Dictionary<string, string> OneAtATime = new() { ["FastBooking:Admission:InFlight"] = "1", ["FastBooking:Admission:Queue"] = "0" };

    [Fact]
    public async Task Requests_beyond_capacity_are_answered_503_with_retry_after_and_the_rest_are_served()
    {
        var engine = await SeparateEngine.StartAsync(settings: OneAtATime);
        try
        {
            var salon = await SalonClient.CreateAsync(engine);
            var staff = await salon.AddStaffAsync();
            var service = await salon.AddServiceAsync([staff]);
            var path = $"/v1/availability?serviceId={service}&from=2026-12-01&to=2026-12-07";

            var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => salon.Http.GetAsync(path)));

            Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
            var shed = answers.Where(a => a.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
            Assert.NotEmpty(shed);
            Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
            foreach (var refused in shed)
            {
                Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
                Assert.Equal("unavailable", (await SalonClient.Json(refused))["code"]!.GetValue<string>());
                Assert.NotNull(refused.Headers.RetryAfter);
            }
            // Once the burst has passed, the instance serves again by itself.
            Assert.Equal(HttpStatusCode.OK, (await salon.Http.GetAsync(path)).StatusCode);
        }
        finally
        {
            await engine.DisposeAsync();
            await engine.DropDatabaseAsync();
        }
    }

    [Fact]
    public async Task Health_checks_are_answered_whatever_the_load()
    {
        var engine = await SeparateEngine.StartAsync(settings: OneAtATime);
        try
        {
            var salon = await SalonClient.CreateAsync(engine);
            var probe = engine.CreateClient();
            var load = Enumerable.Range(0, 30).Select(_ => salon.Http.GetAsync("/v1/services")).ToList();
            var checks = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => probe.GetAsync("/health/ready")));
            await Task.WhenAll(load);

            Assert.All(checks, c => Assert.Equal(HttpStatusCode.OK, c.StatusCode));
        }
        finally
        {
            await engine.DisposeAsync();
            await engine.DropDatabaseAsync();
        }
    }
}
