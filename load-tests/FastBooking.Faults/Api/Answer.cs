using System.Text.Json.Nodes;

namespace FastBooking.Faults.Api;

/// <summary>
/// What one request got: the status and problem <c>code</c>, the headers the checks look at, and the body. A request
/// that got no answer has status 0 and the code <c>connection_failed</c> or <c>timeout</c>.
/// </summary>
public sealed record Answer(int Status, string? Code, bool HasRetryAfter, string? ServedBy, string Body)
{
    public const string ConnectionFailed = "connection_failed";
    public const string TimedOut = "timeout";

    /// <summary>How it is counted: "201", "409 slot_taken", "connection_failed".</summary>
    public string Outcome => Status == 0 ? Code! : Code is null ? Status.ToString() : $"{Status} {Code}";

    public bool Is(int status, string? code = null) => Status == status && (code is null || Code == code);

    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("empty body");

    public string Field(string name) => Json[name]?.GetValue<string>() ?? throw new InvalidOperationException($"no {name} in {Body}");
}
