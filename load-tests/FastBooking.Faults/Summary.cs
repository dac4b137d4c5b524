using FastBooking.Faults.Checks;

namespace FastBooking.Faults;

/// <summary>The closing table: one line per scenario, then every failed check, then the totals.</summary>
public static class Summary
{
    public static void Print(IReadOnlyList<ScenarioReport> reports, Action<string> log)
    {
        log("");
        log($"{"scenario",-22} {"result",-6} {"checks",-8} {"took",8}");
        foreach (var r in reports)
            log($"{r.Name,-22} {(r.Passed ? "PASS" : "FAIL"),-6} {$"{r.Checks.Count(c => c.Passed)}/{r.Checks.Count}",-8} {Seconds.Of(r.Duration),8}");
        var failed = reports.SelectMany(r => r.Checks.Where(c => !c.Passed).Select(c => (r.Name, c))).ToList();
        if (failed.Count > 0)
        {
            log("");
            log("failed checks:");
            foreach (var (scenario, check) in failed) log($"  {scenario}: {check.What} — {check.Seen}");
        }
        log("");
        log($"{reports.Sum(r => r.Checks.Count(c => c.Passed))} checks passed, {failed.Count} failed");
    }
}
