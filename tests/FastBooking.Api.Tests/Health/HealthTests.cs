using System.Net;
using FastBooking.Api.Tests.Support;

namespace FastBooking.Api.Tests.Health;

[Collection(ApiCollection.Name)]
public sealed class HealthTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Liveness_answers_200_without_a_key()
    {
        var response = await Api.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("live", (await SalonClient.Json(response))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Readiness_answers_200_when_postgres_answers()
    {
        var response = await Api.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ready", (await SalonClient.Json(response))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_v1_endpoints()
    {
        var response = await Api.CreateClient().GetAsync("/swagger/v1/swagger.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await SalonClient.Json(response))["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/v1/appointments", paths);
        Assert.Contains("/v1/availability", paths);
    }
}
