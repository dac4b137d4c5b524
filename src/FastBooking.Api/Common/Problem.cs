using System.Text.Json;
using System.Text.Json.Serialization;
using FastBooking.Application.Common;

namespace FastBooking.Api.Common;

/// <summary>An <see cref="Error"/> as RFC 9457 problem+json with its stable <c>code</c>; the status is the code's.</summary>
public sealed class Problem(Error error) : IResult
{
    public const string ContentType = "application/problem+json";

    public Problem(ErrorCode code, string detail) : this(new Error(code, detail)) { }

    public Error Error { get; } = error;

    public int Status => Error.Code.Status;

    /// <summary>The body; <c>instance</c> names the request it answered (its X-Request-Id), for support and logs.</summary>
    public object Body => new ProblemBody(
        $"https://fastbooking.dev/problems/{Error.Code.Value.Replace('_', '-')}", Error.Code.Title, Status, Error.Detail,
        Observability.CurrentRequestId is { } request ? $"urn:fastbooking:request:{request}" : null, Error.Code.Value, Error.Fields);

    /// <summary>Seconds a client should wait before retrying a 503: the engine recovers by itself within that.</summary>
    public const int RetryAfterSeconds = 1;

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = Status;
        http.Response.ContentType = ContentType;
        if (Status == StatusCodes.Status503ServiceUnavailable) http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        await JsonSerializer.SerializeAsync(http.Response.Body, Body, ApiJson.Options);
    }

    private sealed record ProblemBody(string Type, string Title, int Status, string Detail,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Instance, string Code,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string[]>? Errors);
}
