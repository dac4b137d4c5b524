namespace FastBooking.Faults.Checks;

/// <summary>What a scenario checked (each pass or fail, with what was seen) and the figures it measured, printed as they come.</summary>
public sealed class ScenarioReport(string name, Action<string> log)
{
    public sealed record Check(string What, bool Passed, string Seen);

    private readonly List<Check> _checks = [];
    private readonly List<(string Name, string Value)> _figures = [];

    public string Name { get; } = name;
    public IReadOnlyList<Check> Checks => _checks;
    public IReadOnlyList<(string Name, string Value)> Figures => _figures;
    public TimeSpan Duration { get; set; }

    /// <summary>Passed only when something was checked and nothing failed.</summary>
    public bool Passed => _checks.Count > 0 && _checks.All(c => c.Passed);

    public void Verify(string what, bool passed, string seen)
    {
        lock (_checks) _checks.Add(new Check(what, passed, seen));
        log($"  [{(passed ? "PASS" : "FAIL")}] {what} — {seen}");
    }

    public void Figure(string figure, string value)
    {
        lock (_figures) _figures.Add((figure, value));
        log($"  {figure}: {value}");
    }

    public void Note(string line) => log($"  {line}");

    public string Failures => string.Join(Environment.NewLine, _checks.Where(c => !c.Passed).Select(c => $"{c.What} — {c.Seen}"));
}
