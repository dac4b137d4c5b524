using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using FastBooking.Application.Common;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FastBooking.Api.Common;

/// <summary>Configuration section <c>FastBooking:Throttling</c>.</summary>
public sealed class ThrottlingOptions
{
    public const string Section = "FastBooking:Throttling";

    /// <summary>Failed authentications one client address may make per window before it is answered 429 unchecked.</summary>
    [Range(1, 100_000)]
    public int AuthenticationFailures { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan AuthenticationWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Operator calls (read-model rebuild and check) one business may make in a burst, refilled one per period.</summary>
    [Range(1, 1000)]
    public int OperatorBurst { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan OperatorRefill { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// The ASP.NET Core rate limiter, for what could let one client degrade everyone: guessing API keys (each guess costs a
/// lookup) and operator calls that re-project a whole business. A refusal is 429 problem+json with Retry-After.
/// </summary>
public static class Throttling
{
    public const string OperatorPolicy = "operator";

    public static IServiceCollection AddThrottling(this IServiceCollection services)
    {
        services.AddOptions<ThrottlingOptions>().BindConfiguration(ThrottlingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AuthenticationFailures>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
                TooManyAsync(context.HttpContext, context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromSeconds(1));
            o.AddPolicy(OperatorPolicy, http =>
            {
                var limits = http.RequestServices.GetRequiredService<IOptions<ThrottlingOptions>>().Value;
                return RateLimitPartition.GetTokenBucketLimiter(http.User.FindFirst(HttpContextExtensions.BusinessClaim)?.Value ?? "", _ =>
                    new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = limits.OperatorBurst, TokensPerPeriod = 1, ReplenishmentPeriod = limits.OperatorRefill,
                        QueueLimit = 0, AutoReplenishment = true,
                    });
            });
        });
        return services;
    }

    public static async ValueTask TooManyAsync(HttpContext http, TimeSpan retryAfter)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
        await new Problem(ErrorCode.RateLimited, "Too many requests; retry later.").ExecuteAsync(http);
    }
}

/// <summary>Counts failed authentications per client address; past the limit, keys are not even looked up.</summary>
public sealed class AuthenticationFailures(IOptions<ThrottlingOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.AuthenticationFailures, Window = options.Value.AuthenticationWindow, QueueLimit = 0,
        }));

    /// <summary>Whether this address has failures left to spend.</summary>
    public bool Allows(HttpContext http) => _limiter.GetStatistics(AddressOf(http))?.CurrentAvailablePermits is not 0;

    public void Failed(HttpContext http) => _limiter.AttemptAcquire(AddressOf(http)).Dispose();

    public TimeSpan Window => options.Value.AuthenticationWindow;

    private static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "";

    public void Dispose() => _limiter.Dispose();
}
