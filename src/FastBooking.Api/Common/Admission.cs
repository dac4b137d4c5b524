using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using FastBooking.Application.Common;
using Microsoft.Extensions.Options;

namespace FastBooking.Api.Common;

/// <summary>Configuration section <c>FastBooking:Admission</c>: how much work one instance takes on at once.</summary>
public sealed class AdmissionOptions
{
    public const string Section = "FastBooking:Admission";

    /// <summary>API requests served at once.</summary>
    [Range(1, 100_000)]
    public int InFlight { get; set; } = 64;

    /// <summary>API requests waiting for one of those, oldest first; beyond them a request is answered 503 at once.</summary>
    [Range(0, 100_000)]
    public int Queue { get; set; } = 256;
}

/// <summary>
/// Sheds load beyond what the instance can serve instead of queueing it without bound: past saturation an engine that
/// takes every request makes every one slow, its Redis calls time out on a starved thread pool, and the PostgreSQL
/// fallback it turns to costs more than the path it left (measured: 10 s answers and timeouts for the whole overload).
/// Admitted requests keep their latency; the others get 503 <c>unavailable</c> with Retry-After, cheaply.
/// Health, metrics and documentation are never refused.
/// </summary>
public sealed class Admission : IDisposable
{
    private readonly ConcurrencyLimiter _limiter;
    private readonly System.Diagnostics.Metrics.Counter<long> _shed;

    public Admission(IOptions<AdmissionOptions> options, EngineMetrics metrics)
    {
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.Value.InFlight, QueueLimit = options.Value.Queue, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _shed = metrics.Meter.CreateCounter<long>("fastbooking.admission.shed", "{request}", "API requests answered 503 because the instance was at capacity");
    }

    private static readonly object ShedKey = new();

    /// <summary>Whether the request was answered 503 for capacity: logged at Debug, not as an error, since an overload
    /// would otherwise add a synchronous error line per refusal.</summary>
    public static bool WasShed(HttpContext http) => http.Items.ContainsKey(ShedKey);

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (!http.Request.Path.StartsWithSegments("/v1"))
        {
            await next(http);
            return;
        }
        using var lease = await _limiter.AcquireAsync(1, http.RequestAborted);
        if (lease.IsAcquired)
        {
            await next(http);
            return;
        }
        _shed.Add(1);
        http.Items[ShedKey] = true;
        await new Problem(ErrorCode.Unavailable, "The engine is at capacity; nothing was done. Retry shortly.").ExecuteAsync(http);
    }

    public void Dispose() => _limiter.Dispose();
}
