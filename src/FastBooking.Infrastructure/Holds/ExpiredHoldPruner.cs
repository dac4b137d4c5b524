using System.ComponentModel.DataAnnotations;
using System.Diagnostics.Metrics;
using FastBooking.Application.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NodaTime;

namespace FastBooking.Infrastructure.Holds;

/// <summary>Configuration section <c>FastBooking:Holds</c>.</summary>
public sealed class HoldOptions
{
    public const string Section = "FastBooking:Holds";

    /// <summary>How often expired holds are deleted from PostgreSQL (and counted).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Deletes the durable records of holds that expired, and counts them: a confirmed or released hold's row is deleted
/// at once, so every row this finds is a hold that ran out. Housekeeping only: every read already ignores expired
/// holds, and Redis's copies expire by themselves.
/// </summary>
public sealed class ExpiredHoldPruner : Pruner
{
    private readonly IOptions<HoldOptions> _options;
    private readonly Counter<long> _expired;

    public ExpiredHoldPruner(NpgsqlDataSource dataSource, IClock clock, IOptions<HoldOptions> options, EngineMetrics metrics,
        ILogger<ExpiredHoldPruner> log) : base(dataSource, clock, log)
    {
        _options = options;
        _expired = metrics.Meter.CreateCounter<long>("fastbooking.holds.expired", "{hold}",
            "Holds that expired without being booked or released (counted when pruned, within FastBooking:Holds:PruneInterval)");
    }

    protected override TimeSpan Interval => _options.Value.PruneInterval;

    protected override (string Table, string Condition) Rows => ("holds", "expires_at <= $1");

    protected override Instant CutOff(Instant now) => now;

    protected override void Pruned(int rows) => _expired.Add(rows);
}
