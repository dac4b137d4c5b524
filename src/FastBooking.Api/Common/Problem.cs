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

    public object Body => new ProblemBody(
        $"https://fastbooking.dev/problems/{Error.Code.Value.Replace('_', '-')}", Error.Code.Title, Status, Error.Detail, Error.Code.Value,
        Error.Fields);

    public string Json => JsonSerializer.Serialize(Body, ApiJson.Options);

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = Status;
        http.Response.ContentType = ContentType;
        await JsonSerializer.SerializeAsync(http.Response.Body, Body, ApiJson.Options);
    }

    private sealed record ProblemBody(string Type, string Title, int Status, string Detail, string Code,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string[]>? Errors);
}
