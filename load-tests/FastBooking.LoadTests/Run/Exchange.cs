using System.Buffers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FastBooking.LoadTests.Run;

/// <summary>What one request got: its status (0 when it got none) and, when asked for, its JSON body.</summary>
public readonly record struct Reply(int Status, JsonNode? Json, string? ETag)
{
    public bool Is(int status) => Status == status;

    public string Field(string name) =>
        Json?[name]?.GetValue<string>() ?? throw new InvalidOperationException($"the {Status} answer has no {name}");
}

/// <summary>
/// The requests of one arrival: each is bounded by the timeout (body included) and counted by the series under its
/// label and outcome ("book 409 slot_taken", "availability 200", "hold timeout").
/// </summary>
public sealed class Exchange(HttpClient http, SeriesRecorder recorder, bool measured, TimeSpan timeout)
{
    private const int DrainBufferBytes = 64 * 1024;

    /// <summary>A request of this arrival got no answer in time.</summary>
    public bool TimedOut { get; private set; }

    /// <summary>A request of this arrival got no answer at all (connection refused or reset).</summary>
    public bool NoAnswer { get; private set; }

    /// <summary>A request of this arrival was answered with a 5xx.</summary>
    public bool ServerError { get; private set; }

    /// <summary>A GET whose body is read and thrown away (its size counted); with <paramref name="json"/> it is parsed.</summary>
    public Task<Reply> GetAsync(string label, string pathAndQuery, bool noCache = false, string? ifNoneMatch = null, bool json = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (noCache) request.Headers.CacheControl = new() { NoCache = true };
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return SendAsync(label, request, json);
    }

    /// <summary>A POST of a JSON body; a 2xx answer's JSON is parsed.</summary>
    public Task<Reply> PostAsync(string label, string path, object body) =>
        SendAsync(label, new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) }, json: true);

    private async Task<Reply> SendAsync(string label, HttpRequestMessage request, bool json)
    {
        using var _ = request;
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var status = (int)response.StatusCode;
            var success = status is >= 200 and < 300;
            JsonNode? body = null;
            string? code = null;
            long bytes;
            if (success && !json) bytes = await DrainAsync(response.Content, deadline.Token);
            else
            {
                var text = await response.Content.ReadAsStringAsync(deadline.Token);
                bytes = text.Length;
                if (text.Length > 0 && IsJson(response)) body = Parse(text);
                if (!success) code = body?["code"]?.GetValue<string>();
            }
            if (status >= 500) ServerError = true;
            var servedBy = response.Headers.TryGetValues("X-Served-By", out var values) ? values.FirstOrDefault() : null;
            if (measured) recorder.Answer(code is null ? $"{label} {status}" : $"{label} {status} {code}", servedBy, request.Method == HttpMethod.Get && success ? bytes : null);
            return new Reply(status, success ? body : null, response.Headers.ETag?.ToString());
        }
        // The client's own timeout (the same length, for set-up calls) may fire first.
        catch (OperationCanceledException e) when (deadline.IsCancellationRequested || e.InnerException is TimeoutException)
        {
            TimedOut = true;
            if (measured) recorder.Answer($"{label} timeout", null, null);
            return default;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            NoAnswer = true;
            if (measured) recorder.Answer($"{label} no-answer", null, null);
            return default;
        }
    }

    private static bool IsJson(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is { } type && type.EndsWith("json", StringComparison.OrdinalIgnoreCase);

    private static JsonNode? Parse(string text)
    {
        try { return JsonNode.Parse(text); }
        catch (JsonException) { return null; }
    }

    /// <summary>Reads a body into a pooled buffer and forgets it: the generator keeps no copy of a 178 KB answer.</summary>
    private static async Task<long> DrainAsync(HttpContent content, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(DrainBufferBytes);
        try
        {
            await using var stream = await content.ReadAsStreamAsync(ct);
            long total = 0;
            for (int read; (read = await stream.ReadAsync(buffer, ct)) > 0;) total += read;
            return total;
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }
}
