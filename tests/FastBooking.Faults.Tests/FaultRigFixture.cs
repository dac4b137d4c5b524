using FastBooking.Faults.Api;
using FastBooking.Faults.Rig;
using FastBooking.Faults.Scenarios;

namespace FastBooking.Faults.Tests;

/// <summary>
/// One rig for every fault test: PostgreSQL, Redis and two engine instances of this build, on ports of their own
/// (not the console's defaults, so `scripts/faults.sh` can run meanwhile). Failing to start it fails every test.
/// </summary>
public sealed class FaultRigFixture : IAsyncLifetime
{
    private const int PostgresPort = 55442;
    private const int RedisPort = 6405;
    private const int FirstEnginePort = 5191;

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private FaultRig? _rig;

    public FaultRig Rig => _rig ?? throw new InvalidOperationException("the rig did not start");
    public EngineClient Client { get; } = new();

    public async Task InitializeAsync()
    {
        var engine = RigOptions.EngineDllIn(RigOptions.RepoRootAbove(AppContext.BaseDirectory), Configuration);
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        _rig = await FaultRig.StartAsync(new RigOptions(engine, PostgresPort, RedisPort, FirstEnginePort, LogDirectory: null), Console.WriteLine, bound.Token);
        await WarmUp.RunAsync(_rig, Client, Console.WriteLine, bound.Token);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_rig is not null) await _rig.DisposeAsync();
    }
}

/// <summary>The fault tests share one rig and run one at a time: each injects faults into the whole of it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultRigCollection : ICollectionFixture<FaultRigFixture>
{
    public const string Name = "fault rig";
}
