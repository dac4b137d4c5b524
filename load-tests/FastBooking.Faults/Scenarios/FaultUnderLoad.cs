using System.Diagnostics;
using FastBooking.Faults.Checks;
using FastBooking.Faults.Load;

namespace FastBooking.Faults.Scenarios;

/// <summary>
/// Mixed open-loop load across both instances with one fault in the middle, then the invariants: no overlap, every
/// acknowledged booking stored, the read model consistent within a bound, holds honoured during and after the fault,
/// every instance back to holds and Redis reads within a bound, no 500, every 503 with Retry-After.
/// </summary>
public sealed class FaultUnderLoad(IFault fault) : IScenario
{
    private const int HoldsPlaced = 4;
    private const int HoldsProbedWhileDown = 2;

    public string Name => fault.Name;

    public string Describe(Profile p) =>
        $"{p.Rate:F0} req/s for {p.Load.TotalSeconds:F0} s across the live instances; {fault.Describe(p)}";

    public async Task RunAsync(ScenarioContext context)
    {
        var (rig, profile, report, ct) = (context.Rig, context.Profile, context.Report, context.Ct);
        var salon = await context.NewSalonAsync($"Faults {Name}", profile.Staff);
        var tally = new Tally();
        var ledger = new Ledger();
        var held = new HeldSlots(salon, tally, ledger);
        await held.PlaceAsync(rig, HoldsPlaced, report, ct);

        await using var watch = new ReadinessWatch(rig).Start();
        // Should the scenario end early (its deadline, a fault that cannot be undone), the load and probes end with it.
        using var background = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            var load = new MixedLoad(rig, salon, tally, ledger, seed: Name.Aggregate(17, (h, c) => h * 31 + c));
            var loadRun = OpenLoop.RunAsync(profile.Rate, profile.Load, tally, (i, sinceDue) => load.ArrivalAsync(i, sinceDue, background.Token), background.Token);

            await Task.Delay(profile.FaultAt, ct);
            var faultStarted = watch.Now;
            var probedWhileDown = false;
            await fault.InjectAsync(rig, profile, async to =>
            {
                probedWhileDown = true;
                await held.ProbeAsync("while the fault lasts", HoldsProbedWhileDown, to, report, ct);
            }, ct);
            var faultEnded = watch.Now;
            var sinceFaultEnded = Stopwatch.StartNew();
            report.Figure("fault lasted (injected → service back and answering)", $"{Seconds.Of(faultEnded - faultStarted)}, from {Seconds.Of(faultStarted)} into the load");
            var probe = new RecoveryProbe(salon, tally);
            var recoveries = rig.Live.Select(i => probe.RunAsync(i, sinceFaultEnded, profile.RecoveryBound, background.Token)).ToList();

            await loadRun;
            report.Note($"load: {tally.Total} answers, {tally.DroppedCount} arrivals dropped by the generator");
            foreach (var operation in tally.Operations)
                report.Note($"  {operation,-18} {tally.Outcomes(operation)}  {tally.LatencySummary(operation)}");

            var consistent = Invariants.ReadModelConsistentAsync(rig, salon, profile.ConsistencyBound, report, ct);
            var recovered = await Task.WhenAll(recoveries);
            await consistent;
            RecoveryProbe.Report(recovered, profile.RecoveryBound, report);
            await held.ProbeAsync("after the fault", probedWhileDown ? HoldsPlaced - HoldsProbedWhileDown : HoldsPlaced, fault.AfterVia(rig), report, ct);
            await Invariants.NoOverlapsAsync(rig, report, ct);
            await Invariants.AcknowledgedArePersistedAsync(rig, ledger, report, ct);
            Invariants.AnswersWellFormed(tally, report);

            foreach (var r in recovered)
                report.Figure($"recovery of {r.Instance} (holds 201 / Redis reads)", $"{Seconds.Of(r.Holds)} / {Seconds.Of(r.RedisReads)}");
            report.Figure("codes seen", tally.Outcomes());
            report.Figure("503s", $"{tally.Unavailable} ({tally.UnavailableWithoutRetryAfter} without Retry-After)");
            watch.Report(faultEnded, report);
        }
        finally
        {
            await background.CancelAsync();
        }
    }
}
