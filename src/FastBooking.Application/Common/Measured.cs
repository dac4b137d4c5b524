using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FastBooking.Application.Common;

/// <summary>The engine's own metrics (meter <see cref="MeterName"/>), exported by the host through OpenTelemetry.</summary>
public sealed class EngineMetrics : IDisposable
{
    public const string MeterName = "FastBooking";

    private readonly Meter _meter;

    public EngineMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        UseCaseDuration = _meter.CreateHistogram<double>("fastbooking.use_case.duration", "s",
            "How long a use case took, by use case (FindAvailability, BookAppointment, PlaceHold …) and outcome (success, replayed, or the error code)");
    }

    public Histogram<double> UseCaseDuration { get; }

    public Meter Meter => _meter;

    public void Dispose() => _meter.Dispose();
}

/// <summary>Times every use case and records its outcome: one decorator around every <see cref="IHandler{TRequest,T}"/>.</summary>
public sealed class Measured<TRequest, T>(IHandler<TRequest, T> inner, EngineMetrics metrics) : IHandler<TRequest, T>
{
    private static readonly string UseCase = typeof(TRequest).Name;

    public async Task<Outcome<T>> HandleAsync(TRequest request, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "exception";
        try
        {
            var result = await inner.HandleAsync(request, ct);
            outcome = result switch
            {
                Outcome<T>.Refused refused => refused.Error.Code.Value,
                Outcome<T>.Replayed => "replayed",
                _ => "success",
            };
            return result;
        }
        finally
        {
            metrics.UseCaseDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("use_case", UseCase), new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
