using FastBooking.Api.Common;
using FastBooking.Infrastructure.Appointments;
using FastBooking.Infrastructure.Idempotency;

namespace FastBooking.Api.Features.Appointments;

/// <summary>Turns a booking change's outcome into the HTTP answer.</summary>
public static class OutcomeResult
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static IResult For(AppointmentOutcome outcome, int successStatus) => outcome switch
    {
        AppointmentOutcome.Done done => Json(AppointmentResponse.Render(done.Appointment, done.Business), successStatus),
        AppointmentOutcome.Replayed replay => Results.Text(replay.Body,
            replay.StatusCode >= 400 ? "application/problem+json" : "application/json", System.Text.Encoding.UTF8, replay.StatusCode),
        AppointmentOutcome.Refused refused => new Problem(refused.Code, refused.Detail),
        _ => throw new InvalidOperationException($"Unknown outcome {outcome}"),
    };

    /// <summary>The request's Idempotency-Key with a hash of what was asked; a problem when the header is malformed.</summary>
    public static (IdempotencyKey? Key, Problem? Problem) KeyOf(HttpContext http, object request)
    {
        var header = http.Request.Headers[IdempotencyHeader].ToString();
        if (header.Length == 0) return (null, null);
        if (header.Length > IdempotencyKey.MaxLength)
            return (null, Problem.Validation("Idempotency-Key", $"must be at most {IdempotencyKey.MaxLength} characters"));
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(request, request.GetType(), Problem.Json);
        return (IdempotencyKey.For(header, http.Request.Method, http.Request.Path, body), null);
    }

    private static IResult Json(string body, int status) => Results.Text(body, "application/json", System.Text.Encoding.UTF8, status);
}
