using FastBooking.Faults.Rig;

namespace FastBooking.Faults.Scenarios;

/// <summary>
/// One fault injected into a running rig. <see cref="InjectAsync"/> returns when the fault is over (the service is back);
/// while it lasts it starts <c>whileDown</c> once with the instance to probe, when probing then means anything. The
/// fault keeps its stated length however long the probe takes: a probe slower than the outage ends after it.
/// </summary>
public interface IFault
{
    string Name { get; }
    string Describe(Profile profile);

    /// <summary>The instance that answers the held-slot probes after the fault: the one that suffered it, where there is one.</summary>
    EngineInstance AfterVia(FaultRig rig) => rig.A;

    Task InjectAsync(FaultRig rig, Profile profile, Func<EngineInstance, Task> whileDown, CancellationToken ct);
}

/// <summary>Redis crashes (SIGKILL) and comes back empty after a few seconds.</summary>
public sealed class RedisKilled : IFault
{
    public string Name => "redis-kill";
    public string Describe(Profile p) => $"Redis SIGKILLed {p.FaultAt.TotalSeconds:F0} s into the load, started again (empty) {p.RedisDown.TotalSeconds:F0} s later";

    public async Task InjectAsync(FaultRig rig, Profile profile, Func<EngineInstance, Task> whileDown, CancellationToken ct)
    {
        var backAfter = Task.Delay(profile.RedisDown, ct);
        rig.Redis.Kill();
        // Long enough for the engines to have noticed (their Redis calls time out after 1 s).
        await Task.Delay(TimeSpan.FromSeconds(1.5), ct);
        var probe = whileDown(rig.A);
        await backAfter;
        await rig.Redis.StartAsync(ct);
        await probe;
    }
}

/// <summary>Everything in Redis is lost at once (FLUSHALL): bitmaps, holds and the projector's position.</summary>
public sealed class RedisFlushed : IFault
{
    public string Name => "redis-flush";
    public string Describe(Profile p) => $"redis-cli FLUSHALL {p.FaultAt.TotalSeconds:F0} s into the load";

    public async Task InjectAsync(FaultRig rig, Profile profile, Func<EngineInstance, Task> whileDown, CancellationToken ct)
    {
        await rig.Redis.FlushAllAsync(ct);
        await whileDown(rig.A);
    }
}

/// <summary>PostgreSQL is stopped (fast shutdown: sessions cut) and started again after some seconds.</summary>
public sealed class PostgresRestarted : IFault
{
    public string Name => "postgres-restart";
    public string Describe(Profile p) => $"PostgreSQL stopped (-m fast) {p.FaultAt.TotalSeconds:F0} s into the load, started again {p.PostgresDown.TotalSeconds:F0} s later";

    /// <summary>No probe while it is down: with the source of truth gone every booking is rightly a 503.</summary>
    public async Task InjectAsync(FaultRig rig, Profile profile, Func<EngineInstance, Task> whileDown, CancellationToken ct)
    {
        await rig.Postgres.StopAsync(ct);
        await Task.Delay(profile.PostgresDown, ct);
        await rig.Postgres.StartAsync(ct);
    }
}

/// <summary>Engine instance b crashes (SIGKILL) and is started again; the load goes to the live instances only, as behind a load balancer.</summary>
public sealed class InstanceKilled : IFault
{
    public string Name => "instance-kill";
    public string Describe(Profile p) => $"instance b SIGKILLed {p.FaultAt.TotalSeconds:F0} s into the load, started again {p.InstanceDown.TotalSeconds:F0} s later (the fault ends when it is ready)";

    public EngineInstance AfterVia(FaultRig rig) => rig.B;

    public async Task InjectAsync(FaultRig rig, Profile profile, Func<EngineInstance, Task> whileDown, CancellationToken ct)
    {
        var backAfter = Task.Delay(profile.InstanceDown, ct);
        rig.B.Kill();
        await Task.Delay(TimeSpan.FromSeconds(0.5), ct);
        var probe = whileDown(rig.A);
        await backAfter;
        await rig.B.StartAsync(ct);
        await probe;
    }
}
