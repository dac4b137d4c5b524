namespace FastBooking.Faults.Scenarios;

/// <summary>How big and how long the scenarios are. <see cref="Full"/> for `scripts/faults.sh`, <see cref="Short"/> for CI.</summary>
/// <param name="Rate">Arrivals per second of the mixed load, over both instances together.</param>
/// <param name="FaultAt">When, into the load, the fault is injected.</param>
/// <param name="RecoveryBound">How long after a fault ends holds and Redis reads may take to work again.</param>
/// <param name="ConsistencyBound">How long after the load ends the read model may take to agree with PostgreSQL.</param>
/// <param name="OutboxBurst">Outbox rows the throughput scenario adds at once; <paramref name="DrainBound"/> is how long the projector may take.</param>
/// <param name="Deadline">The hard bound of one scenario, whatever happens inside it.</param>
public sealed record Profile(
    string Name, int Staff, double Rate, TimeSpan Load, TimeSpan FaultAt, TimeSpan RedisDown, TimeSpan PostgresDown, TimeSpan InstanceDown,
    TimeSpan RecoveryBound, TimeSpan ConsistencyBound, int StormSize, int OutboxBurst, TimeSpan DrainBound, TimeSpan Deadline)
{
    public static readonly Profile Full = new("full", Staff: 8, Rate: 150, Load: TimeSpan.FromSeconds(30), FaultAt: TimeSpan.FromSeconds(8),
        RedisDown: TimeSpan.FromSeconds(5), PostgresDown: TimeSpan.FromSeconds(10), InstanceDown: TimeSpan.FromSeconds(3),
        RecoveryBound: TimeSpan.FromSeconds(30), ConsistencyBound: TimeSpan.FromSeconds(30), StormSize: 200,
        OutboxBurst: 20_000, DrainBound: TimeSpan.FromSeconds(150), Deadline: TimeSpan.FromSeconds(240));

    /// <summary>CI-sized: every scenario in well under a minute on two shared cores, the same checks.</summary>
    public static readonly Profile Short = new("short", Staff: 6, Rate: 60, Load: TimeSpan.FromSeconds(12), FaultAt: TimeSpan.FromSeconds(3),
        RedisDown: TimeSpan.FromSeconds(3), PostgresDown: TimeSpan.FromSeconds(5), InstanceDown: TimeSpan.FromSeconds(2),
        RecoveryBound: TimeSpan.FromSeconds(20), ConsistencyBound: TimeSpan.FromSeconds(20), StormSize: 100,
        OutboxBurst: 600, DrainBound: TimeSpan.FromSeconds(30), Deadline: TimeSpan.FromSeconds(90));
}
