using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NodaTime;

namespace FastBooking.Infrastructure.Idempotency;

/// <summary>Configuration section <c>FastBooking:Idempotency</c>.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "FastBooking:Idempotency";

    /// <summary>How long a key's answer is replayed; after that the key may be used afresh.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "90.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>Deletes idempotency records past their retention.</summary>
public sealed class IdempotencyPruner(NpgsqlDataSource dataSource, IClock clock, IOptions<IdempotencyOptions> options, ILogger<IdempotencyPruner> log)
    : Pruner(dataSource, clock, log)
{
    protected override TimeSpan Interval => options.Value.PruneInterval;

    protected override (string Table, string Condition) Rows => ("idempotency_records", "created_at < $1");

    protected override Instant CutOff(Instant now) => now - Duration.FromTimeSpan(options.Value.Retention);
}
