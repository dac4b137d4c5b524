using System.Diagnostics;
using FastBooking.Faults.Api;
using FastBooking.Faults.Checks;
using FastBooking.Faults.Rig;
using NodaTime;

namespace FastBooking.Faults.Scenarios;

/// <summary>What a scenario runs with. <see cref="Ct"/> carries the scenario's own deadline.</summary>
public sealed record ScenarioContext(FaultRig Rig, EngineClient Client, Profile Profile, ScenarioReport Report, IClock Clock, CancellationToken Ct)
{
    public Task<Salon> NewSalonAsync(string name, int staff) => Salon.CreateAsync(Client, Rig, name, staff, Clock, Ct);
}

public interface IScenario
{
    /// <summary>The name on the command line: <c>storm</c>, <c>redis-kill</c>, …</summary>
    string Name { get; }

    string Describe(Profile profile);

    Task RunAsync(ScenarioContext context);
}

public static class ScenarioRunner
{
    /// <summary>Runs one scenario within its deadline; whatever it leaves down is brought back before the next.</summary>
    public static async Task<ScenarioReport> RunAsync(FaultRig rig, EngineClient client, IScenario scenario, Profile profile,
        Action<string> log, CancellationToken ct)
    {
        var report = new ScenarioReport(scenario.Name, log);
        log($"== {scenario.Name} ({profile.Name}): {scenario.Describe(profile)}");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(profile.Deadline);
        var clock = Stopwatch.StartNew();
        try
        {
            await scenario.RunAsync(new ScenarioContext(rig, client, profile, report, SystemClock.Instance, deadline.Token));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            report.Verify($"finished within its deadline of {profile.Deadline.TotalSeconds:F0} s", false, "the deadline passed");
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            report.Verify("ran to the end", false, $"{e.GetType().Name}: {e.Message}");
        }
        finally
        {
            report.Duration = clock.Elapsed;
            log($"  ({scenario.Name} took {Seconds.Of(report.Duration)})");
        }
        await rig.RestoreAsync(ct);
        return report;
    }
}
