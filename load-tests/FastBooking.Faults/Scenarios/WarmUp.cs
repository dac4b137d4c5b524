using FastBooking.Faults.Api;
using FastBooking.Faults.Load;
using FastBooking.Faults.Rig;
using NodaTime;

namespace FastBooking.Faults.Scenarios;

/// <summary>
/// Mixed load on a salon of its own before any scenario: the first ~1,000 requests after a start pay for the JIT
/// (12–26 ms per booking), which would otherwise be counted against the first fault.
/// </summary>
public static class WarmUp
{
    private static readonly TimeSpan Length = TimeSpan.FromSeconds(8);
    private const double Rate = 120;

    public static async Task RunAsync(FaultRig rig, EngineClient client, Action<string> log, CancellationToken ct)
    {
        log($"[rig] warm-up: {Rate:F0} req/s for {Length.TotalSeconds:F0} s");
        var salon = await Salon.CreateAsync(client, rig, "Faults warm-up", 6, SystemClock.Instance, ct);
        var unread = new Tally();
        var load = new MixedLoad(rig, salon, unread, new Ledger(), seed: 1);
        await OpenLoop.RunAsync(Rate, Length, unread, (i, sinceDue) => load.ArrivalAsync(i, sinceDue, ct), ct);
    }
}
