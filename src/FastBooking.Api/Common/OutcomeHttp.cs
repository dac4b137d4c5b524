using System.Text;
using System.Text.Json;
using FastBooking.Application.Common;
using FastBooking.Application.Idempotency;

namespace FastBooking.Api.Common;

/// <summary>
/// The one mapping from use-case outcomes to HTTP: a value → 200 (201 when created; 204 for <see cref="Done"/>) with
/// its response body, a refusal → its problem, a replay → the recorded answer as it was first sent.
/// </summary>
public static class OutcomeHttp
{
    /// <param name="headers">Headers a success carries (an ETag, a Location).</param>
    public static IResult ToHttp<T>(this Outcome<T> outcome, Func<T, object> response, Func<T, IEnumerable<(string Name, string Value)>>? headers = null)
    {
        var (status, contentType, body) = Answer(outcome, response);
        var extra = outcome switch
        {
            Outcome<T>.Success success when headers is not null => headers(success.Value).ToList(),
            // A retry is told that it got the first answer, not a new one.
            Outcome<T>.Replayed => [(ReplayedHeader, "true")],
            _ => [],
        };
        return new HttpAnswer(status, contentType, body, extra);
    }

    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>For use cases that answer only "done" or a problem.</summary>
    public static IResult ToHttp(this Outcome<Done> outcome) => outcome.ToHttp(_ => Done.Value);

    /// <summary>The answer an Idempotency-Key records: what <see cref="ToHttp{T}"/> sends, byte for byte.</summary>
    public static RecordedAnswer Record<T>(Outcome<T> outcome, Func<T, object> response)
    {
        var (status, _, body) = Answer(outcome, response);
        return new RecordedAnswer(status, body.Text ?? (body.Value is null ? "" : JsonSerializer.Serialize(body.Value, ApiJson.Options)));
    }

    private static (int Status, string ContentType, AnswerBody Body) Answer<T>(Outcome<T> outcome, Func<T, object> response) => outcome switch
    {
        Outcome<T>.Success { Value: Done } => (StatusCodes.Status204NoContent, "", default),
        Outcome<T>.Success success => (success.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK, "application/json",
            new AnswerBody(null, response(success.Value))),
        Outcome<T>.Refused refused => (refused.Error.Code.Status, Problem.ContentType, new AnswerBody(null, new Problem(refused.Error).Body)),
        Outcome<T>.Replayed replay => (replay.Answer.Status, replay.Answer.Status >= 400 ? Problem.ContentType : "application/json",
            new AnswerBody(replay.Answer.Body, null)),
        _ => throw new InvalidOperationException($"Unknown outcome {outcome}"),
    };
}

/// <summary>A body as JSON text already (a recorded answer) or as a value serialized straight onto the response.</summary>
internal readonly record struct AnswerBody(string? Text, object? Value);

/// <summary>One answer as sent: a 503 tells the client when to retry.</summary>
internal sealed class HttpAnswer(int status, string contentType, AnswerBody body, IReadOnlyList<(string Name, string Value)> headers) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = status;
        foreach (var (name, value) in headers) http.Response.Headers[name] = value;
        if (status == StatusCodes.Status503ServiceUnavailable) http.Response.Headers.RetryAfter = Problem.RetryAfterSeconds.ToString();
        if (body.Text is null && body.Value is null) return;
        http.Response.ContentType = contentType + "; charset=utf-8";
        if (status == StatusCodes.Status201Created)
        {
            // A created resource is found where it was posted, under its key; a replay is told the same place.
            var bytes = body.Text is not null ? Encoding.UTF8.GetBytes(body.Text) : JsonSerializer.SerializeToUtf8Bytes(body.Value, body.Value!.GetType(), ApiJson.Options);
            if (CreatedKey(bytes) is { } key) http.Response.Headers.Location = $"{http.Request.PathBase}{http.Request.Path}/{Uri.EscapeDataString(key)}";
            await http.Response.Body.WriteAsync(bytes);
            return;
        }
        // The same options either way, so a recorded answer and a fresh one are the same bytes.
        if (body.Text is not null) await http.Response.WriteAsync(body.Text, Encoding.UTF8);
        else await JsonSerializer.SerializeAsync(http.Response.Body, body.Value, body.Value!.GetType(), ApiJson.Options);
    }

    /// <summary>The created resource's key in its body: its <c>id</c>, or a hold's <c>token</c>.</summary>
    private static string? CreatedKey(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var named = reader.ValueTextEquals("id"u8) || reader.ValueTextEquals("token"u8);
            reader.Read();
            if (named && reader.TokenType == JsonTokenType.String) return reader.GetString();
            reader.Skip();
        }
        return null;
    }
}

/// <summary>Records a use case's answers for idempotent replay with the same response mapping its endpoint uses.</summary>
public sealed class AnswerRenderer<T>(Func<T, object> response) : IAnswerRenderer<T>
{
    public RecordedAnswer Render(Outcome<T> outcome) => OutcomeHttp.Record(outcome, response);
}
