using FastBooking.Application.Common;
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

    public static async Task WriteExceptionAsync(HttpContext http)
    {
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        var problem = error switch
        {
            BadHttpRequestException bad => new Problem(ErrorCode.ForStatus(bad.StatusCode), bad.Message),
            // Not a statement PostgreSQL refused: the database could not be reached in time (down, or every pooled
            // connection busy). Nothing was written; a retry may succeed.
            Npgsql.NpgsqlException and not Npgsql.PostgresException =>
                new Problem(ErrorCode.Unavailable, "The database is busy or unreachable; nothing was changed. Retry shortly."),
            _ => new Problem(ErrorCode.InternalError, "An unexpected error occurred; it has been logged."),
        };
        await problem.ExecuteAsync(http);
    }

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
