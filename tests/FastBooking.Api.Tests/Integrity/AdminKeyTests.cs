using System.Net;
using System.Text;
using FastBooking.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace FastBooking.Api.Tests.Integrity;

/// <summary>The platform admin key guards business creation before anything else, and is never the development key in production.</summary>
[Collection(ApiCollection.Name)]
public sealed class AdminKeyTests(ApiFactory api) : ApiTest(api)
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-admin-key")]
    public async Task Without_the_admin_key_a_malformed_body_is_not_even_read(string? key)
    {
        var client = Api.CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Add("X-Admin-Key", key);

        var response = await client.PostAsync("/v1/businesses", new StringContent("{ not json", Encoding.UTF8, "application/json"));

        await SalonClient.AssertProblem(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("AdminKey", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    private sealed class ProductionWithDevelopmentKey : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Postgres", ApiFactory.PostgresConnectionString);
            builder.UseSetting("ConnectionStrings:Redis", ApiFactory.RedisConnectionString);
            builder.UseSetting("FastBooking:Migrate", "false");
            builder.UseSetting("FastBooking:AdminKey", "dev-admin-key");
        }
    }

    [Fact]
    public void Outside_development_the_engine_refuses_to_start_with_the_development_admin_key()
    {
        using var factory = new ProductionWithDevelopmentKey();

        var refused = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.IsType<OptionsValidationException>(refused.GetBaseException());
        Assert.Contains("development key", refused.GetBaseException().Message);
    }
}
