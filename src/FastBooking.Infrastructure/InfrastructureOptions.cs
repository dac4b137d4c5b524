using System.ComponentModel.DataAnnotations;

namespace FastBooking.Infrastructure;

/// <summary>Configuration section <c>FastBooking:Redis</c>: how long Redis may take before the engine answers from PostgreSQL.</summary>
public sealed class RedisOptions
{
    public const string Section = "FastBooking:Redis";

    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>One command's timeout in the client.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>One operation's timeout, retries of the client included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>The circuit opens when this share of operations fails within <see cref="BreakerSampling"/>.</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    [Range(2, 1000)]
    public int BreakerMinimumThroughput { get; set; } = 4;

    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan BreakerSampling { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the circuit stays open before Redis is tried again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan BreakerDuration { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>Whether an instance may lead the outbox projector.</summary>
public enum ProjectorRole
{
    /// <summary>Takes part in the election: whichever instance holds the lease projects (the default).</summary>
    Any,

    /// <summary>Serves requests only; another instance or a worker (<c>FastBooking.Api projector</c>) projects.</summary>
    Never,
}

/// <summary>Configuration section <c>FastBooking:Projector</c>: the outbox projector's election and pace.</summary>
public sealed class ProjectorOptions
{
    public const string Section = "FastBooking:Projector";

    public ProjectorRole Role { get; set; } = ProjectorRole.Any;

    /// <summary>How often an instance that does not lead tries to take the lease (at most 5 s: PostgreSQL ends a lease
    /// session idle for 10 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:05")]
    public TimeSpan LeaseRetry { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the leader's heartbeat lasts in Redis: past it, instances stop trusting the read model.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often every instance reads the leader's verdict on the read model from Redis.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30")]
    public TimeSpan ReadinessRefresh { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The safety-net poll between notifications.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a pass waits after a notification, so that one pass applies every change committed meanwhile
    /// instead of one pass per change (a booking's stand-in covers its range until then).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan WakeDelay { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>How long an outbox id not seen below the newest one is waited for before it counts as rolled back.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan GapTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Outbox rows read and applied per batch.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 2000;

    /// <summary>Businesses of one batch projected at once.</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 4;

    /// <summary>Passes a row may fail before it is parked and its business degraded.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;
}

/// <summary>Configuration section <c>FastBooking:CatalogCache</c>.</summary>
public sealed class CatalogCacheOptions
{
    public const string Section = "FastBooking:CatalogCache";

    /// <summary>An entry's longest life: a bound on staleness should an instance miss a change notification.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>Configuration section <c>FastBooking</c>: what the engine does to its database when it starts.</summary>
public sealed class StartupOptions
{
    public const string Section = "FastBooking";

    /// <summary>Apply pending migrations at start.</summary>
    public bool Migrate { get; set; } = true;

    /// <summary>Seed the demo salon at start.</summary>
    public bool SeedDemo { get; set; }

    /// <summary>The demo salon's API key.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DemoApiKey { get; set; } = "demo-salon-key";
}
