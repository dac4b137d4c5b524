using System.Collections.Concurrent;
using FastBooking.Faults.Load;

namespace FastBooking.LoadTests.Run;

/// <summary>
/// The counts of one run of a series. Arrivals due before the warm-up ended are sent but not counted (except in the
/// progress line); the figures are those of the measured arrivals.
/// </summary>
public sealed class SeriesRecorder(SeriesPlan plan) : IDropCounter
{
    private readonly long _firstMeasured = (long)(plan.Rate * plan.WarmupSeconds);
    private readonly ConcurrentDictionary<string, long> _outcomes = new();
    private readonly ConcurrentDictionary<string, long> _servedBy = new();
    private readonly ConcurrentDictionary<string, Latencies> _operations = new();
    private readonly Latencies _latencies = new();
    private readonly Latencies _sendLag = new();
    private readonly ConcurrentQueue<string> _exceptions = new();
    private Latencies _window = new();
    private long _sent, _finished, _dropped, _measuredDropped, _measuredSent;
    private long _answered, _timeouts, _noAnswer, _serverErrors, _failed;
    private long _bodyBytes, _bodies;
    private long _lastAnswerTicks;

    public bool IsMeasured(long index) => index >= _firstMeasured;

    public void Dropped(long index)
    {
        Interlocked.Increment(ref _dropped);
        if (IsMeasured(index)) Interlocked.Increment(ref _measuredDropped);
    }

    /// <param name="lag">How late the arrival started: the generator's own delay (a busy machine), inside its latency.</param>
    public void Sent(long index, TimeSpan lag)
    {
        Interlocked.Increment(ref _sent);
        if (!IsMeasured(index)) return;
        Interlocked.Increment(ref _measuredSent);
        _sendLag.Add(lag);
    }

    /// <summary>One request's outcome (only measured arrivals call this).</summary>
    public void Answer(string outcome, string? servedBy, long? bodyBytes)
    {
        _outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
        if (servedBy is not null) _servedBy.AddOrUpdate(servedBy, 1, (_, n) => n + 1);
        if (bodyBytes is { } bytes)
        {
            Interlocked.Add(ref _bodyBytes, bytes);
            Interlocked.Increment(ref _bodies);
        }
    }

    /// <summary>An arrival ended: its latency is counted from when it was due, so waiting to be sent counts too.</summary>
    public void Finished(long index, string operation, Exchange exchange, TimeSpan sinceDue, Exception? exception)
    {
        Interlocked.Increment(ref _finished);
        _window.Add(sinceDue);
        if (!IsMeasured(index)) return;
        _latencies.Add(sinceDue);
        _operations.GetOrAdd(operation, _ => new Latencies()).Add(sinceDue);
        if (exception is not null)
        {
            Interlocked.Increment(ref _failed);
            _outcomes.AddOrUpdate($"{operation} exception {exception.GetType().Name}", 1, (_, n) => n + 1);
            if (_exceptions.Count < 3) _exceptions.Enqueue($"{operation}: {exception.GetType().Name}: {exception.Message}");
        }
        if (exchange.TimedOut) Interlocked.Increment(ref _timeouts);
        else if (exchange.NoAnswer) Interlocked.Increment(ref _noAnswer);
        else if (exception is null)
        {
            Interlocked.Increment(ref _answered);
            var answeredAt = TimeSpan.FromSeconds(index / plan.Rate) + sinceDue;
            for (long seen; answeredAt.Ticks > (seen = Interlocked.Read(ref _lastAnswerTicks));)
                if (Interlocked.CompareExchange(ref _lastAnswerTicks, answeredAt.Ticks, seen) == seen) break;
        }
        if (exchange.ServerError) Interlocked.Increment(ref _serverErrors);
    }

    /// <summary>"t=3 s (warm-up) sent 600 answered 598 in flight 2 dropped 0 p95 3.1 ms" — p95 of the arrivals that
    /// ended since the last line.</summary>
    public string Progress(TimeSpan elapsed)
    {
        var window = Interlocked.Exchange(ref _window, new Latencies()).Percentiles();
        var sent = Interlocked.Read(ref _sent);
        var finished = Interlocked.Read(ref _finished);
        var phase = elapsed.TotalSeconds < plan.WarmupSeconds ? " (warm-up)" : "";
        return $"t={elapsed.TotalSeconds:F0} s{phase}  sent {sent}  answered {finished}  in flight {sent - finished}  " +
               $"dropped {Interlocked.Read(ref _dropped)}  p95 {(window.Count == 0 ? "-" : $"{window.P95:F1} ms")}";
    }

    public SeriesResult Result(IReadOnlyList<string> notes)
    {
        var answered = Interlocked.Read(ref _answered);
        // Answers still arriving after the last arrival was due count towards the rate they were achieved at.
        var lastAnswer = TimeSpan.FromTicks(Interlocked.Read(ref _lastAnswerTicks)).TotalSeconds - plan.WarmupSeconds;
        var window = Math.Max(plan.Seconds, lastAnswer);
        var bodies = Interlocked.Read(ref _bodies);
        return new SeriesResult(
            plan.Scenario, plan.Series, plan.Rate, plan.Seconds, plan.WarmupSeconds,
            Arrivals: Interlocked.Read(ref _measuredSent) + Interlocked.Read(ref _measuredDropped),
            Answered: answered,
            Dropped: Interlocked.Read(ref _measuredDropped),
            Timeouts: Interlocked.Read(ref _timeouts),
            NoAnswer: Interlocked.Read(ref _noAnswer),
            ServerErrors: Interlocked.Read(ref _serverErrors),
            Exceptions: Interlocked.Read(ref _failed),
            AchievedRate: answered / window,
            Latency: _latencies.Percentiles(),
            SendLag: _sendLag.Percentiles(),
            Operations: _operations.Count > 1 ? _operations.OrderBy(o => o.Key).ToDictionary(o => o.Key, o => o.Value.Percentiles()) : null,
            Outcomes: _outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).ToDictionary(o => o.Key, o => o.Value),
            ServedBy: _servedBy.OrderBy(o => o.Key).ToDictionary(o => o.Key, o => o.Value),
            MeanBodyBytes: bodies == 0 ? null : (double)Interlocked.Read(ref _bodyBytes) / bodies,
            Notes: [.. notes, .. _exceptions]);
    }
}
