using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FastBooking.Faults.Rig;

namespace FastBooking.Faults.Api;

/// <summary>Sends requests to a chosen engine instance and turns every result, answered or not, into an <see cref="Answer"/>.</summary>
public sealed class EngineClient : IDisposable
{
    /// <summary>Long enough for a booking that waits on a pooled connection; short enough to bound a scenario.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(2),
        // A killed instance's connections are dead; do not keep reusing pooled ones for long.
        PooledConnectionLifetime = TimeSpan.FromSeconds(15),
    }) { Timeout = Timeout.InfiniteTimeSpan };

    public async Task<Answer> SendAsync(EngineInstance to, HttpMethod method, string path, object? body, string? bearer,
        CancellationToken ct, string? adminKey = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(to.BaseUrl, path.TrimStart('/')));
        if (body is not null) request.Content = JsonContent.Create(body);
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (adminKey is not null) request.Headers.Add("X-Admin-Key", adminKey);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(RequestTimeout);
        try
        {
            using var response = await _http.SendAsync(request, bound.Token);
            var text = await response.Content.ReadAsStringAsync(bound.Token);
            return new Answer((int)response.StatusCode, ProblemCode(response, text), response.Headers.RetryAfter is not null,
                response.Headers.TryGetValues("X-Served-By", out var servedBy) ? servedBy.FirstOrDefault() : null, text);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Answer(0, Answer.TimedOut, false, null, "");
        }
        catch (HttpRequestException e)
        {
            return new Answer(0, Answer.ConnectionFailed, false, null, e.Message);
        }
    }

    private static string? ProblemCode(HttpResponseMessage response, string body)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return null;
        try { return JsonNode.Parse(body)?["code"]?.GetValue<string>(); }
        catch (System.Text.Json.JsonException) { return "unparsable_problem"; }
    }

    public void Dispose() => _http.Dispose();
}
