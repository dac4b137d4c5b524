using FastBooking.Application.Common;
using FastBooking.Infrastructure;
using FluentValidation.Results;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;

namespace FastBooking.Api.Common;

/// <summary>Every failure outside the endpoints' own results still answers problem+json with a stable code.</summary>
public static class ErrorPages
{
    /// <summary>FastEndpoints' validation and binding failures (malformed JSON, wrong types, rule violations) → 400.</summary>
    public static object ValidationProblem(List<ValidationFailure> failures, HttpContext http, int status)
    {
        var errors = failures
            .GroupBy(f => CamelPath(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
        var detail = string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
        return new Problem(new Error(ErrorCode.ValidationFailed, detail, errors)).Body;
    }

    /// <summary>The exception handler's page: whatever escaped <see cref="ExpectedFailuresAsync"/> is a bug (500, logged).</summary>
    public static async Task WriteExceptionAsync(HttpContext http)
    {
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        await (ExpectedProblem(error) ?? new Problem(ErrorCode.InternalError, "An unexpected error occurred; it has been logged.")).ExecuteAsync(http);
    }

    /// <summary>
    /// Failures that are not bugs answer without an error log or stack trace: a client that hung up gets nothing, a
    /// bad request (e.g. 413) its problem, and a transient database or Redis failure 503 <c>unavailable</c> with
    /// <c>Retry-After</c> — nothing was written (the transaction rolled back).
    /// </summary>
    public static async Task ExpectedFailuresAsync(HttpContext http, RequestDelegate next)
    {
        try
        {
            await next(http);
        }
        catch (Exception e) when (http.RequestAborted.IsCancellationRequested)
        {
            Log(http).LogDebug("The client left before the answer ({Error})", e.GetType().Name);
        }
        catch (Exception e) when (ExpectedProblem(e) is { } problem && !http.Response.HasStarted)
        {
            if (problem.Status >= 500) Log(http).LogWarning("Answered {Status}: {Error}", problem.Status, e.Message);
            await problem.ExecuteAsync(http);
        }
    }

    private static Problem? ExpectedProblem(Exception? error) => error switch
    {
        BadHttpRequestException bad => new Problem(ErrorCode.ForStatus(bad.StatusCode), bad.Message),
        _ when TransientFailures.IsTransient(error) =>
            new Problem(ErrorCode.Unavailable, "The database is busy or unreachable; nothing was changed. Retry shortly."),
        _ => null,
    };

    private static ILogger Log(HttpContext http) => http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("FastBooking.Api.Failures");

    public static async Task WriteStatusAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (http.Response.HasStarted || http.Response.ContentLength > 0 || http.Response.ContentType is not null) return;
        var code = ErrorCode.ForStatus(http.Response.StatusCode);
        var problem = new Problem(code, code == ErrorCode.NotFound ? "No such resource." : "The request could not be served.");
        if (problem.Status == http.Response.StatusCode) await problem.ExecuteAsync(http);
    }

    /// <summary>
    /// A request without Content-Type to an endpoint that takes JSON (e.g. a POST without a body): FastEndpoints would
    /// answer a bare 415 it has already started, which the status pages cannot dress; answer the problem+json here.
    /// </summary>
    public static Task RequireContentTypeAsync(HttpContext http, RequestDelegate next) =>
        http.Request.ContentType is null
        && http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { } accepts && !accepts.ContentTypes.Contains("*/*")
            ? new Problem(ErrorCode.UnsupportedMediaType, "Send a JSON body with 'Content-Type: application/json'.").ExecuteAsync(http)
            : next(http);

    private static string CamelPath(string path) =>
        string.Join('.', path.Split('.').Select(p => p.Length > 0 ? char.ToLowerInvariant(p[0]) + p[1..] : p));
}
