using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Hosting;
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

/// <summary>
/// Deletes idempotency records past their retention, a bounded batch per statement so that no pass holds locks for
/// long. Every instance may run it: concurrent deletes of the same rows are harmless.
/// </summary>
public sealed class IdempotencyPruner(NpgsqlDataSource dataSource, IClock clock, IOptions<IdempotencyOptions> options, ILogger<IdempotencyPruner> log)
    : BackgroundService
{
    private const int Batch = 1000;

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await PruneAsync(stop);
            }
            catch (Exception e) when (!stop.IsCancellationRequested && TransientFailures.IsTransient(e))
            {
                log.LogDebug(e, "Idempotency records not pruned this time");
            }
            await Task.Delay(options.Value.PruneInterval, stop).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    /// <summary>One pass; the number of records deleted.</summary>
    public async Task<int> PruneAsync(CancellationToken ct)
    {
        var cutoff = clock.GetCurrentInstant() - Duration.FromTimeSpan(options.Value.Retention);
        var deleted = 0;
        for (var pass = 0; pass < 100; pass++)
        {
            await using var command = dataSource.CreateCommand("""
                DELETE FROM idempotency_records WHERE ctid IN (
                    SELECT ctid FROM idempotency_records WHERE created_at < $1 LIMIT $2)
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = cutoff });
            command.Parameters.Add(new NpgsqlParameter { Value = Batch });
            var rows = await command.ExecuteNonQueryAsync(ct);
            deleted += rows;
            if (rows < Batch) break;
        }
        return deleted;
    }
}
