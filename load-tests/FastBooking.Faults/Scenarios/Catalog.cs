namespace FastBooking.Faults.Scenarios;

/// <summary>Every scenario, in the order a full run takes them.</summary>
public static class Catalog
{
    public static readonly IScenario Storm = new SameSlotStorm();
    public static readonly IScenario RedisKill = new FaultUnderLoad(new RedisKilled());
    public static readonly IScenario RedisFlush = new FaultUnderLoad(new RedisFlushed());
    public static readonly IScenario PostgresRestart = new FaultUnderLoad(new PostgresRestarted());
    public static readonly IScenario InstanceKill = new FaultUnderLoad(new InstanceKilled());
    public static readonly IScenario Throughput = new ProjectorThroughput();

    public static readonly IReadOnlyList<IScenario> All = [Storm, RedisKill, RedisFlush, PostgresRestart, InstanceKill, Throughput];

    public static IScenario Named(string name) => All.FirstOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"no scenario '{name}'; there are: {string.Join(", ", All.Select(s => s.Name))}");
}
