using System.Diagnostics;
using System.IO.Compression;
using FastBooking.Application.Common;
using Microsoft.AspNetCore.ResponseCompression;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FastBooking.Api.Common;

/// <summary>
/// Traces and metrics through OpenTelemetry: ASP.NET Core, Npgsql and the engine's own meter, scraped by Prometheus at
/// <c>/metrics</c>, and exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Every request has an id — its
/// trace id, continuing a caller's <c>traceparent</c> — sent back as <c>X-Request-Id</c> and named in every problem.
/// </summary>
public static class Observability
{
    public const string RequestIdHeader = "X-Request-Id";

    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("fastbooking"))
            .WithTracing(t =>
            {
                // Request activities give every answer its id and continue a caller's trace; command spans are only
                // worth making when something ships them.
                t.AddAspNetCoreInstrumentation(o => o.Filter = http => http.Request.Path != "/metrics");
                if (otlp) t.AddNpgsql().AddOtlpExporter();
            })
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddMeter(EngineMetrics.MeterName, "Npgsql").AddPrometheusExporter();
                if (otlp) m.AddOtlpExporter();
            });
        // Compressed only when the client asks, at the fastest level: the answer is large and cheap to squeeze.
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Append(Problem.ContentType);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>The id of the request being served: its trace id when tracing, else the server's request id.</summary>
    public static string? CurrentRequestId => Activity.Current?.TraceId.ToHexString();

    public static Task SendRequestIdAsync(HttpContext http, RequestDelegate next)
    {
        http.Response.Headers[RequestIdHeader] = CurrentRequestId ?? http.TraceIdentifier;
        return next(http);
    }
}
