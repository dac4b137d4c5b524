using System.Collections.Concurrent;

namespace FastBooking.Faults.Load;

/// <summary>
/// Latencies in milliseconds, recorded from any thread, with nearest-rank percentiles over all of them.
/// Shared: FastBooking.Faults compiles it, FastBooking.LoadTests links it.
/// </summary>
public sealed class Latencies
{
    private readonly ConcurrentQueue<double> _milliseconds = new();

    public void Add(TimeSpan latency) => _milliseconds.Enqueue(latency.TotalMilliseconds);

    public int Count => _milliseconds.Count;

    public Percentiles Percentiles() => Load.Percentiles.Of(_milliseconds.ToArray());
}

/// <summary>Nearest-rank percentiles in milliseconds (0 for all of them when nothing was recorded).</summary>
public readonly record struct Percentiles(int Count, double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(double[] milliseconds)
    {
        if (milliseconds.Length == 0) return default;
        Array.Sort(milliseconds);
        double P(double q) => milliseconds[Math.Min(milliseconds.Length - 1, Math.Max(0, (int)Math.Ceiling(q * milliseconds.Length) - 1))];
        return new Percentiles(milliseconds.Length, P(0.50), P(0.95), P(0.99), milliseconds[^1]);
    }
}
