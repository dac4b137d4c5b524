using FastBooking.Api.Auth;
using FastBooking.Application.Common;
using FastEndpoints;
using FastEndpoints.Swagger;
using Microsoft.AspNetCore.Http.Metadata;
using NJsonSchema;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace FastBooking.Api.Common.OpenApi;

/// <summary>
/// Makes each operation say what the engine really answers: its security scheme, every problem it can answer (one
/// <c>Problem</c> schema, the codes of each status listed), the request headers it honours (Idempotency-Key, If-Match)
/// and the response headers it sends (Location on 201, ETag on versioned resources, Retry-After, WWW-Authenticate).
/// </summary>
public sealed class OperationContract : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        var metadata = ((AspNetCoreOperationProcessorContext)context).ApiDescription.ActionDescriptor.EndpointMetadata;
        var endpoint = context.GetEndpointDefinition();
        operation.OperationId = OperationId(endpoint, operation.OperationId);

        var secured = endpoint is not null && endpoint.AnonymousVerbs is null;
        var admin = endpoint?.AuthSchemeNames?.Contains(AdminKeyAuthentication.SchemeName) == true;
        // An open operation says so: an empty requirement, not none at all.
        operation.Security = [secured ? new OpenApiSecurityRequirement { [admin ? ApiDocument.AdminKeyScheme : ApiDocument.ApiKeyScheme] = [] } : new()];
        if (metadata.OfType<IEndpointSummaryMetadata>().LastOrDefault() is { } summary) operation.Summary = summary.Summary;

        var codes = new List<ErrorCode>();
        var hasBody = operation.RequestBody is not null;
        var hasPathId = operation.Parameters.Any(p => p.Kind == OpenApiParameterKind.Path);
        var idempotent = endpoint?.PreProcessorsList.Any(p => p.GetType().IsGenericType && p.GetType().GetGenericTypeDefinition() == typeof(ReadIdempotencyKey<>)) == true;
        if (hasBody || operation.Parameters.Count > 0 || idempotent) codes.Add(ErrorCode.ValidationFailed);
        if (secured) codes.Add(ErrorCode.Unauthorized);
        if (hasPathId) codes.Add(ErrorCode.NotFound);
        if (hasBody) codes.AddRange([ErrorCode.PayloadTooLarge, ErrorCode.UnsupportedMediaType]);
        if (idempotent) codes.Add(ErrorCode.IdempotencyKeyReused);
        if (secured) codes.Add(ErrorCode.RateLimited);
        codes.AddRange(metadata.OfType<DeclaredRefusals>().SelectMany(r => r.Codes));
        // Every endpoint of the engine's own answers 503 when PostgreSQL or Redis fails for a moment (health declares its own).
        if (endpoint is not null) codes.Add(ErrorCode.Unavailable);

        foreach (var status in codes.Distinct().GroupBy(c => c.Status).OrderBy(g => g.Key))
            operation.Responses[status.Key.ToString()] = ProblemResponse(context.Document, status.Key, status.ToList());

        if (idempotent)
            operation.Parameters.Add(Header(ReadIdempotencyKey<object>.Header,
                "Makes a retry safe: the first answer is recorded with the request and sent again, byte for byte, to a retry " +
                $"with the same key (with `{OutcomeHttp.ReplayedHeader}: true`) for 24 hours; the same key with another request " +
                $"answers 422 `idempotency_key_reused`. At most {FastBooking.Application.Idempotency.IdempotencyKey.MaxLength} characters."));
        if (codes.Contains(ErrorCode.VersionMismatch))
            operation.Parameters.Add(Header("If-Match",
                "The appointment's ETag as last read (e.g. `\"3\"`): if it has changed since, the request answers 412 `version_mismatch` " +
                "and changes nothing. Without the header the change applies to the current version."));

        foreach (var (status, response) in operation.Responses)
        {
            if (status == "201")
                response.Headers["Location"] = TextHeader("The created resource's URL.");
            if (status.StartsWith('2') && metadata.OfType<IProducesResponseTypeMetadata>()
                    .Any(m => m.StatusCode.ToString() == status && m.Type is not null && typeof(IEntityTagged).IsAssignableFrom(m.Type)))
                response.Headers["ETag"] = TextHeader("The resource's version as an entity tag, for If-Match.");
        }
        return true;
    }

    /// <summary><c>Area_Action</c> from the endpoint's feature folder (<c>Features.Appointments.Book</c> → <c>Appointments_Book</c>).</summary>
    private static string OperationId(EndpointDefinition? endpoint, string fallback)
    {
        var name = endpoint?.EndpointType.Namespace;
        const string features = "FastBooking.Api.Features.";
        if (name is null || !name.StartsWith(features, StringComparison.Ordinal)) return fallback;
        var parts = name[features.Length..].Split('.');
        return parts[0] + "_" + string.Concat(parts.Skip(1));
    }

    private static OpenApiHeader TextHeader(string description, JsonObjectType type = JsonObjectType.String) =>
        new() { Description = description, Schema = new JsonSchema { Type = type } };

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name, Kind = OpenApiParameterKind.Header, IsRequired = false, Description = description,
        Schema = new JsonSchema { Type = JsonObjectType.String },
    };

    private static OpenApiResponse ProblemResponse(OpenApiDocument document, int status, IReadOnlyList<ErrorCode> codes)
    {
        var response = new OpenApiResponse
        {
            Description = string.Join("; ", codes.Select(c => $"`{c.Value}`: {c.Title}")),
        };
        response.Content["application/problem+json"] = new OpenApiMediaType { Schema = new JsonSchema { Reference = ApiDocument.ProblemSchema(document) } };
        if (status is 503 or 429)
            response.Headers["Retry-After"] = TextHeader("Seconds to wait before retrying.", JsonObjectType.Integer);
        if (status == 401)
            response.Headers["WWW-Authenticate"] = TextHeader("The scheme to authenticate with.");
        return response;
    }
}
