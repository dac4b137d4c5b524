using System.Text.RegularExpressions;
using FastBooking.Api.Auth;
using FastBooking.Application.ChangeFeed;
using FastBooking.Application.Common;
using FastBooking.Application.Webhooks;
using FastEndpoints.Swagger;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace FastBooking.Api.Common.OpenApi;

/// <summary>
/// The published OpenAPI document (<c>/swagger/v1/swagger.json</c>): FastEndpoints' description of each endpoint, made
/// truthful by <see cref="OperationContract"/>, with the security schemes, the problem schema and nothing unused.
/// </summary>
public static partial class ApiDocument
{
    public const string ApiKeyScheme = "ApiKey";
    public const string AdminKeyScheme = "AdminKey";
    private const string Problem = "Problem";

    public static void Configure(DocumentOptions o)
    {
        o.EnableJWTBearerAuth = false;
        o.RemoveEmptyRequestSchema = true;
        o.DocumentSettings = s =>
        {
            s.DocumentName = "v1";
            s.Title = "FastBooking API";
            s.Version = "1.0";
            s.Description =
                "The scheduling engine of a booking platform for barbershops and salons: availability, holds, bookings, " +
                "cancellations and reschedules. Every error is RFC 9457 problem+json with a stable `code`; every 503 " +
                "carries Retry-After. The whole API, its resource shapes, rules, defaults and limits: docs/api.md.";
            s.SchemaSettings.SchemaNameGenerator = new SchemaNames();
            s.OperationProcessors.Add(new OperationContract());
            s.DocumentProcessors.Add(new DocumentContract());
        };
    }

    /// <summary>RFC 9457 problem details with the engine's stable code, shared by every error answer.</summary>
    public static JsonSchema ProblemSchema(OpenApiDocument document)
    {
        if (document.Components.Schemas.TryGetValue(Problem, out var existing)) return existing;
        var code = new JsonSchemaProperty { Type = JsonObjectType.String, IsRequired = true, Description = "The stable code clients switch on." };
        foreach (var c in ErrorCode.All) code.Enumeration.Add(c.Value);
        var schema = new JsonSchema { Type = JsonObjectType.Object, Description = "An RFC 9457 problem with the engine's stable code." };
        schema.Properties["type"] = Text("A URI naming the kind of problem, one per code.", required: true);
        schema.Properties["title"] = Text("The code's title.", required: true);
        schema.Properties["status"] = new JsonSchemaProperty { Type = JsonObjectType.Integer, IsRequired = true, Description = "The HTTP status." };
        schema.Properties["detail"] = Text("What went wrong with this request, for people.", required: true);
        schema.Properties["instance"] = Text("The request it answers (`urn:fastbooking:request:<X-Request-Id>`).", required: false);
        schema.Properties["code"] = code;
        schema.Properties["errors"] = new JsonSchemaProperty
        {
            Type = JsonObjectType.Object, Description = "For `validation_failed`: the messages per field.",
            AdditionalPropertiesSchema = new JsonSchema { Type = JsonObjectType.Array, Item = new JsonSchema { Type = JsonObjectType.String } },
        };
        document.Components.Schemas[Problem] = schema;
        return schema;
    }

    private static JsonSchemaProperty Text(string description, bool required) =>
        new() { Type = JsonObjectType.String, IsRequired = required, Description = description };

    /// <summary>The document-wide parts: server, licence, security schemes, and no schema that nothing references.</summary>
    private sealed class DocumentContract : IDocumentProcessor
    {
        public void Process(DocumentProcessorContext context)
        {
            var document = context.Document;
            document.Info.License = new OpenApiLicense { Name = "Proprietary", Url = "https://fastbooking.dev/terms" };
            document.Servers.Clear();
            document.Servers.Add(new OpenApiServer { Url = "http://localhost:8080", Description = "The engine as scripts/run.sh starts it." });
            document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
            {
                Type = OpenApiSecuritySchemeType.Http, Scheme = "bearer",
                Description = "A business's API key: `Authorization: Bearer <key>` (the demo salon's is `demo-salon-key`).",
            };
            document.Components.SecuritySchemes[AdminKeyScheme] = new OpenApiSecurityScheme
            {
                Type = OpenApiSecuritySchemeType.ApiKey, In = OpenApiSecurityApiKeyLocation.Header, Name = AdminKeyAuthentication.Header,
                Description = "The platform admin key, for creating businesses and for the parked changes.",
            };
            foreach (var schema in document.Components.Schemas.Values) PlainReferences(schema);
            Webhooks(document);
            RemoveUnused(document);
        }

        /// <summary>
        /// The events webhooks receive, as <c>x-webhooks</c> (OpenAPI 3.0's extension for what 3.1 calls webhooks): one
        /// POST per event type, its body the feed's event, its signature header.
        /// </summary>
        private static void Webhooks(OpenApiDocument document)
        {
            var schemaName = SchemaNames.Of(typeof(Features.Events.EventResponse));
            if (!document.Components.Schemas.ContainsKey(schemaName)) return;
            document.ExtensionData ??= new Dictionary<string, object?>();
            document.ExtensionData["x-webhooks"] = EventTypes.All.ToDictionary(type => type, type => (object)new Dictionary<string, object>
            {
                ["post"] = new Dictionary<string, object>
                {
                    ["summary"] = $"The {type.Replace("appointment.", "")} appointment event",
                    ["operationId"] = "Webhook_" + type.Replace('.', '_'),
                    ["description"] = "Sent to every endpoint subscribed to the type, at least once and in order per endpoint; " +
                        "de-duplicate by `id`. Verify `FastBooking-Signature` (`t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.body\" with the " +
                        "endpoint's secret>`) and refuse a `t` more than 5 minutes old. Answer 2xx within 10 s; anything else is retried " +
                        "with backoff for 3 days.",
                    ["parameters"] = new[]
                    {
                        WebhookHeader(WebhookHeaders.Signature, "`t=<unix seconds>,v1=<hex HMAC-SHA256>`"),
                        WebhookHeader(WebhookHeaders.EventId, "The event's id"),
                        WebhookHeader(WebhookHeaders.EventType, "The event's type"),
                        WebhookHeader(WebhookHeaders.Attempt, "1 for the first attempt, then 2, 3 …"),
                    },
                    ["requestBody"] = new Dictionary<string, object>
                    {
                        ["required"] = true,
                        ["content"] = new Dictionary<string, object>
                        {
                            ["application/json"] = new Dictionary<string, object> { ["schema"] = new Dictionary<string, object> { ["$ref"] = $"#/components/schemas/{schemaName}" } },
                        },
                    },
                    ["responses"] = new Dictionary<string, object> { ["2XX"] = new Dictionary<string, object> { ["description"] = "The event is taken." } },
                    // The receiver authenticates the call by its signature, not by a scheme of the API's.
                    ["security"] = new[] { new Dictionary<string, object>() },
                },
            });
        }

        private static Dictionary<string, object> WebhookHeader(string name, string description) => new()
        {
            ["name"] = name, ["in"] = "header", ["required"] = true, ["description"] = description,
            ["schema"] = new Dictionary<string, object> { ["type"] = "string" },
        };

        /// <summary>
        /// NJsonSchema wraps an object-typed property in <c>oneOf: [$ref]</c> with <c>nullable</c> and no type, which
        /// OpenAPI 3.0 does not allow: a required one becomes the plain reference, an optional one is typed.
        /// </summary>
        private static void PlainReferences(JsonSchema schema)
        {
            foreach (var property in schema.Properties.Values.Where(p => p.Type == JsonObjectType.None && p.OneOf.Count == 1))
            {
                if (property.IsNullableRaw == true) property.Type = JsonObjectType.Object;
                else
                {
                    property.Reference = property.OneOf.Single().ActualSchema;
                    property.OneOf.Clear();
                    property.IsNullableRaw = null;
                }
            }
        }

        private static void RemoveUnused(OpenApiDocument document)
        {
            while (true)
            {
                var json = document.ToJson();
                var used = SchemaReference().Matches(json).Select(m => m.Groups[1].Value).ToHashSet();
                var unused = document.Components.Schemas.Keys.Where(k => !used.Contains(k)).ToList();
                if (unused.Count == 0) return;
                foreach (var name in unused) document.Components.Schemas.Remove(name);
            }
        }
    }

    [GeneratedRegex("\"#/components/schemas/([^\"]+)\"")]
    private static partial Regex SchemaReference();
}
