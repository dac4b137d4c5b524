using FastBooking.Api.Auth;
using FastBooking.Api.Cli;
using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Api.Features.Availability.Find;
using FastBooking.Api;
using FastBooking.Application;
using FastBooking.Application.Common;
using FastBooking.Infrastructure;
using FastBooking.Infrastructure.Seeding;
using FastEndpoints;
using FastEndpoints.Swagger;
using Microsoft.Extensions.Options;
using NodaTime;
using Serilog;
using Serilog.Events;

if (ProjectorWorker.Matches(args)) return await ProjectorWorker.RunAsync(args);

// Its own settings (appsettings.json, whose log levels keep EF Core's per-command lines out) wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
// One line per request; JSON (Serilog's compact format) when FastBooking:Logging:Json is set, for log shippers.
builder.Host.UseSerilog((context, log) =>
{
    log.ReadFrom.Configuration(context.Configuration);
    if (context.Configuration.GetValue<bool>("FastBooking:Logging:Json")) log.WriteTo.Console(new Serilog.Formatting.Compact.CompactJsonFormatter());
    else log.WriteTo.Console();
});
builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidation>();
builder.WebHost.ConfigureKestrel((context, k) =>
    k.Limits.MaxRequestBodySize = context.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>()?.MaxRequestBodyBytes ?? new ApiOptions().MaxRequestBodyBytes);

Program.AddEngine(builder);
builder.Services.AddRecordedAnswers();
builder.Services
    .AddAuthentication(ApiKeyAuthentication.SchemeName)
    .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
    .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, AdminKeyAuthentication>(AdminKeyAuthentication.SchemeName, null);
builder.Services.AddAuthorization();
builder.Services.AddThrottling();
builder.Services.AddOptions<AdmissionOptions>().BindConfiguration(AdmissionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton<Admission>();
builder.Services.AddObservability(builder.Configuration);
builder.Services.AddOptions<AvailabilityCacheOptions>().BindConfiguration(AvailabilityCacheOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton<AnswerCache>();
builder.Services.AddFastEndpoints().SwaggerDocument(ApiDocument.Configure);

var app = builder.Build();
await app.Services.PrepareDatabaseAsync();
if (ReadModelCommand.Matches(args)) return await ReadModelCommand.RunAsync(app.Services, args);

app.Use(Observability.SendRequestIdAsync);
app.UseResponseCompression();
app.UseExceptionHandler(e => e.Run(ErrorPages.WriteExceptionAsync));
app.Use(BodylessRequests.IgnoreContentType);
app.UseStatusCodePages(ErrorPages.WriteStatusAsync);
app.UseSerilogRequestLogging(o => o.GetLevel = (http, _, error) =>
    Admission.WasShed(http) ? LogEventLevel.Debug : error is not null || http.Response.StatusCode > 499 ? LogEventLevel.Error : LogEventLevel.Information);
app.Use(ErrorPages.ExpectedFailuresAsync);
// Before authentication: a request refused for capacity costs nothing else.
var admission = app.Services.GetRequiredService<Admission>();
app.Use(admission.InvokeAsync);
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.Use(ErrorPages.RequireContentTypeAsync);
app.UseFastEndpoints(c =>
{
    c.Endpoints.RoutePrefix = "v1";
    c.Endpoints.Configurator = endpoint => endpoint.PreProcessor<ControlCharacters>(Order.Before);
    c.Errors.ContentType = "application/problem+json";
    c.Errors.ProducesMetadataType = typeof(object);
    c.Errors.ResponseBuilder = ErrorPages.ValidationProblem;
    ApiJson.Apply(c.Serializer.Options);
});
app.UseSwaggerGen();
app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
app.MapGet("/health/live", () => Results.Ok(new { status = "live" })).AllowAnonymous()
    .WithName("Health_Live").WithSummary("Whether the process is up").Produces(StatusCodes.Status200OK);
app.MapGet("/health/ready", HealthChecks.ReadyAsync).AllowAnonymous()
    .WithName("Health_Ready").WithSummary("Whether the engine can serve (PostgreSQL answers), with the read model's state")
    .Produces(StatusCodes.Status200OK).Refuses(ErrorCode.NotReady);

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the API tests.</summary>
public partial class Program
{
    /// <summary>
    /// The engine's services, as the web server and the projector worker both compose them: the use cases, their
    /// ports over PostgreSQL and Redis, and the one real clock (tests replace it).
    /// </summary>
    public static void AddEngine(IHostApplicationBuilder builder)
    {
        builder.Services.AddApplication();
        builder.AddInfrastructure();
        builder.Services.AddSingleton<IClock>(SystemClock.Instance);
        builder.Services.AddSingleton<FastBooking.Application.ChangeFeed.IEventRenderer, FastBooking.Api.Features.Events.EventJson>();
    }
}
