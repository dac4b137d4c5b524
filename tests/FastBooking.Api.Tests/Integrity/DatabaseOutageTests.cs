using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FastBooking.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FastBooking.Api.Tests.Integrity;

/// <summary>
/// PostgreSQL unreachable (a loopback port nothing listens on): every call that needs it answers 503 `unavailable`
/// with Retry-After — a transient failure is never a 500.
/// </summary>
public sealed class DatabaseOutageTests : IClassFixture<DatabaseOutageTests.NoPostgresFactory>
{
    private readonly NoPostgresFactory _down;

    public DatabaseOutageTests(NoPostgresFactory down) => _down = down;

    public sealed class NoPostgresFactory : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:Postgres", $"Host=127.0.0.1;Port={RefusingPort.Number};Database=none;Username=none;Password=none;Timeout=2");
            builder.UseSetting("ConnectionStrings:Redis", ApiFactory.RedisConnectionString);
            builder.UseSetting("FastBooking:AdminKey", ApiFactory.AdminKey);
            builder.UseSetting("FastBooking:Migrate", "false");
        }
    }

    public static TheoryData<string, string> Calls => new()
    {
        { "GET", "/v1/staff" },
        { "GET", "/v1/availability?serviceId=00000000-0000-4000-8002-000000000001&from=2026-12-01&to=2026-12-01" },
        { "POST", "/v1/appointments" },
        { "POST", "/v1/businesses" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task A_call_while_the_database_is_unreachable_answers_503_with_retry_after(string method, string path)
    {
        var http = _down.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "fbk_some_key");
        http.DefaultRequestHeaders.Add("X-Admin-Key", ApiFactory.AdminKey);
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
            request.Content = JsonContent.Create(new
            {
                name = "Chez Anne", timeZone = "Europe/Paris",
                serviceId = Guid.NewGuid(), start = "2026-12-01T10:00:00Z", customer = new { name = "Ann" },
            });

        var response = await http.SendAsync(request);

        await SalonClient.AssertProblem(response, HttpStatusCode.ServiceUnavailable, "unavailable");
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 503 says when to retry");
    }
}
