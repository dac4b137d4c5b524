namespace FastBooking.Application.Common;

/// <summary>
/// The error catalogue: every stable code a client can see, with its HTTP status and title. Codes exist only as the
/// fields below, so a mistyped code does not compile; docs/api.md lists the same table.
/// </summary>
public sealed class ErrorCode
{
    public static readonly ErrorCode ValidationFailed = new("validation_failed", 400, "The request is not valid.");
    public static readonly ErrorCode Unauthorized = new("unauthorized", 401, "A valid API key is required.");
    public static readonly ErrorCode NotFound = new("not_found", 404, "Not found.");
    public static readonly ErrorCode MethodNotAllowed = new("method_not_allowed", 405, "Method not allowed.");
    public static readonly ErrorCode SlotTaken = new("slot_taken", 409, "The time is no longer available.");
    public static readonly ErrorCode HoldConflict = new("hold_conflict", 409, "The time is held by someone else.");
    public static readonly ErrorCode ResourceUnavailable = new("resource_unavailable", 409, "No unit of the resource the service needs is free then.");
    public static readonly ErrorCode LastApiKey = new("last_api_key", 409, "A business keeps at least one API key.");
    public static readonly ErrorCode AlreadyCancelled = new("already_cancelled", 409, "The appointment is already cancelled.");
    public static readonly ErrorCode VersionMismatch = new("version_mismatch", 412, "The resource has changed since it was read.");
    public static readonly ErrorCode PayloadTooLarge = new("payload_too_large", 413, "The request body is too large.");
    public static readonly ErrorCode UnsupportedMediaType = new("unsupported_media_type", 415, "The request body must be JSON.");
    public static readonly ErrorCode RateLimited = new("rate_limited", 429, "Too many requests.");
    public static readonly ErrorCode IdempotencyKeyReused = new("idempotency_key_reused", 422, "The Idempotency-Key was used with another request.");
    public static readonly ErrorCode LeadTime = new("lead_time", 422, "The start is too soon.");
    public static readonly ErrorCode BookingWindow = new("booking_window", 422, "The start is too far ahead.");
    public static readonly ErrorCode OffGrid = new("off_grid", 422, "The start is not on the slot grid.");
    public static readonly ErrorCode OutsideOpenTime = new("outside_open_time", 422, "The staff member is not available then.");
    public static readonly ErrorCode ServiceNotOffered = new("service_not_offered", 422, "The staff member does not perform this service.");
    public static readonly ErrorCode CancellationCutoff = new("cancellation_cutoff", 422, "It is too late to cancel.");
    public static readonly ErrorCode RescheduleCutoff = new("reschedule_cutoff", 422, "It is too late to reschedule.");
    public static readonly ErrorCode HoldsUnavailable = new("holds_unavailable", 503, "Holds are unavailable right now.");
    public static readonly ErrorCode NotReady = new("not_ready", 503, "The service is not ready.");
    public static readonly ErrorCode Unavailable = new("unavailable", 503, "Temporarily unavailable.");
    public static readonly ErrorCode InternalError = new("internal_error", 500, "Something went wrong on our side.");

    /// <summary>Every code of the catalogue, in the order above (the published contract lists them).</summary>
    public static IReadOnlyList<ErrorCode> All { get; } = typeof(ErrorCode)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(ErrorCode)).Select(f => (ErrorCode)f.GetValue(null)!).ToList();

    private ErrorCode(string value, int status, string title)
    {
        Value = value;
        Status = status;
        Title = title;
    }

    /// <summary>The stable code clients switch on, e.g. <c>slot_taken</c>.</summary>
    public string Value { get; }

    public int Status { get; }

    public string Title { get; }

    /// <summary>The code of a failure known only by its status (framework pages: 400, 404, 405, 413, 415).</summary>
    public static ErrorCode ForStatus(int status) => status switch
    {
        400 => ValidationFailed,
        401 => Unauthorized,
        404 => NotFound,
        405 => MethodNotAllowed,
        412 => VersionMismatch,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        429 => RateLimited,
        _ => InternalError,
    };

    public override string ToString() => Value;
}
