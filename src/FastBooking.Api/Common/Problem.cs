using System.Text.Json;

namespace FastBooking.Api.Common;

/// <summary>
/// The one place where failures become RFC 7807 problem+json with a stable <c>code</c>; the status follows from the code.
/// </summary>
public sealed class Problem(string code, string detail, IReadOnlyDictionary<string, string[]>? errors = null) : IResult
{
    private static readonly Dictionary<string, (int Status, string Title)> Codes = new()
    {
        ["validation_failed"] = (400, "The request is not valid."),
        ["unauthorized"] = (401, "A valid API key is required."),
        ["not_found"] = (404, "Not found."),
        ["method_not_allowed"] = (405, "Method not allowed."),
        ["slot_taken"] = (409, "The time is no longer available."),
        ["hold_conflict"] = (409, "The time is held by someone else."),
        ["already_cancelled"] = (409, "The appointment is already cancelled."),
        ["payload_too_large"] = (413, "The request body is too large."),
        ["unsupported_media_type"] = (415, "The request body must be JSON."),
        ["idempotency_key_reused"] = (422, "The Idempotency-Key was used with another request."),
        ["lead_time"] = (422, "The start is too soon."),
        ["booking_window"] = (422, "The start is too far ahead."),
        ["off_grid"] = (422, "The start is not on the slot grid."),
        ["outside_open_time"] = (422, "The staff member is not available then."),
        ["service_not_offered"] = (422, "The staff member does not perform this service."),
        ["cancellation_cutoff"] = (422, "It is too late to cancel."),
        ["reschedule_cutoff"] = (422, "It is too late to reschedule."),
        ["holds_unavailable"] = (503, "Holds are unavailable right now."),
        ["not_ready"] = (503, "The service is not ready."),
        ["unavailable"] = (503, "Temporarily unavailable."),
        ["internal_error"] = (500, "Something went wrong on our side."),
    };

    /// <summary>Web defaults, without escaping '+' and the like: offsets must read "+02:00".</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Code { get; } = code;
    public int Status => Codes.TryGetValue(Code, out var c) ? c.Status : 500;

    public static Problem NotFound(string detail) => new("not_found", detail);

    public static Problem Validation(string field, string message) =>
        new("validation_failed", message, new Dictionary<string, string[]> { [field] = [message] });

    public static int StatusOf(string code) => Codes.TryGetValue(code, out var c) ? c.Status : 500;

    public static string CodeForStatus(int status) => status switch
    {
        400 => "validation_failed",
        401 => "unauthorized",
        404 => "not_found",
        405 => "method_not_allowed",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        _ => "internal_error",
    };

    public object Body => new ProblemBody(
        $"https://fastbooking.dev/problems/{Code.Replace('_', '-')}",
        Codes.TryGetValue(Code, out var c) ? c.Title : "Error",
        Status, detail, Code, errors);

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = Status;
        http.Response.ContentType = "application/problem+json";
        await JsonSerializer.SerializeAsync(http.Response.Body, Body, Json);
    }

    private sealed record ProblemBody(string Type, string Title, int Status, string Detail, string Code,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        IReadOnlyDictionary<string, string[]>? Errors);
}
