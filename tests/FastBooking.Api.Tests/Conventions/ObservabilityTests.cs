using System.Net;
using System.Net.Http.Headers;
using FastBooking.Api.Tests.Support;

namespace FastBooking.Api.Tests.Conventions;

/// <summary>Request ids, compression on request, and the engine's metrics on /metrics.</summary>
[Collection(ApiCollection.Name)]
public sealed class ObservabilityTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task A_caller_traceparent_becomes_the_request_id_and_the_problem_instance()
    {
        var salon = await NewSalonAsync();
        const string trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/appointments/{Guid.NewGuid()}");
        request.Headers.Add("traceparent", $"00-{trace}-00f067aa0ba902b7-01");

        var response = await salon.Http.SendAsync(request);

        var problem = await SalonClient.AssertProblem(response, HttpStatusCode.NotFound, "not_found");
        Assert.Equal(trace, response.Headers.GetValues("X-Request-Id").Single());
        Assert.Equal($"urn:fastbooking:request:{trace}", problem["instance"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_answer_has_a_request_id()
    {
        var response = await Api.CreateClient().GetAsync("/health/live");

        Assert.False(string.IsNullOrWhiteSpace(response.Headers.GetValues("X-Request-Id").Single()));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Availability_is_compressed_only_when_the_client_asks(string encoding)
    {
        var (salon, _, service) = await NewSalonWithServiceAsync();
        var path = $"/v1/availability?serviceId={service}&from=2026-12-01&to=2026-12-07";

        var plain = await salon.Http.GetAsync(path);
        var asked = new HttpRequestMessage(HttpMethod.Get, path);
        asked.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        var compressed = await salon.Http.SendAsync(asked);

        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(encoding, compressed.Content.Headers.ContentEncoding.Single());
        Assert.True((await compressed.Content.ReadAsByteArrayAsync()).Length < (await plain.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task After_a_booking_metrics_show_the_booking_and_availability_use_cases_by_outcome()
    {
        var (salon, staff, service) = await NewSalonWithServiceAsync();
        await salon.BookedAsync(service, staff, "2026-12-01T10:00:00Z");
        await salon.AvailabilityAsync(service, "2026-12-01", "2026-12-01");

        // The Prometheus exporter caches a scrape briefly: ask until the new series are in.
        string metrics = "";
        for (var i = 0; i < 50 && !(metrics.Contains("use_case=\"BookAppointment\"") && metrics.Contains("use_case=\"FindAvailability\"")); i++)
        {
            if (i > 0) await Task.Delay(200);
            metrics = await (await Api.CreateClient().GetAsync("/metrics")).Content.ReadAsStringAsync();
        }

        Assert.Contains("fastbooking_use_case_duration_seconds_count", metrics);
        Assert.Matches("fastbooking_use_case_duration_seconds_count\\{[^}]*outcome=\"success\"[^}]*use_case=\"BookAppointment\"", metrics);
        Assert.Contains("use_case=\"FindAvailability\"", metrics);
        Assert.Contains("fastbooking_projector_lag", metrics);
    }
}
