using System.Text.Encodings.Web;
using System.Text.Json;

namespace FastBooking.Api.Common;

/// <summary>
/// The one set of JSON settings for every body the API writes — FastEndpoints' own, problem details, and answers
/// recorded for idempotent replay — so one resource always reads the same, byte for byte.
/// </summary>
public static class ApiJson
{
    /// <summary>Web defaults, without escaping '+' and the like: offsets must read "+02:00".</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }

    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        return options;
    }
}
