using System.Text.Json;
using FastBooking.Application.Common;
using FastBooking.Application.Idempotency;
using FastEndpoints;

namespace FastBooking.Api.Common;

/// <summary>
/// Reads a change's <c>Idempotency-Key</c> once, before its handler: with the hash of what was asked (method, path and
/// the canonical body), kept on the request for the endpoint; a malformed header answers 400 and ends the request.
/// </summary>
public sealed class ReadIdempotencyKey<TRequest> : IPreProcessor<TRequest>
{
    public const string Header = "Idempotency-Key";

    public async Task PreProcessAsync(IPreProcessorContext<TRequest> context, CancellationToken ct)
    {
        var http = context.HttpContext;
        if (http.Response.HasStarted) return; // another pre-processor has answered already
        var header = http.Request.Headers[Header].ToString();
        if (header.Length == 0 || context.Request is null) return;
        if (header.Length > IdempotencyKey.MaxLength)
        {
            await new Problem(Error.Validation(Header, $"must be at most {IdempotencyKey.MaxLength} characters")).ExecuteAsync(http);
            return;
        }
        var body = JsonSerializer.SerializeToUtf8Bytes(context.Request, typeof(TRequest), ApiJson.Options);
        // A precondition is part of what was asked: the same key with another If-Match is another request.
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        var target = ifMatch.Length == 0 ? http.Request.Path.ToString() : $"{http.Request.Path}\nIf-Match: {ifMatch}";
        http.Items[IdempotencyKeyItem.Name] = IdempotencyKey.For(header, http.Request.Method, target, body);
    }
}

public static class IdempotencyKeyItem
{
    internal const string Name = "fastbooking.idempotency-key";

    /// <summary>The key <see cref="ReadIdempotencyKey{TRequest}"/> read for this request, if any.</summary>
    public static IdempotencyKey? IdempotencyKey(this HttpContext http) =>
        http.Items.TryGetValue(Name, out var key) ? (IdempotencyKey?)key : null;
}
