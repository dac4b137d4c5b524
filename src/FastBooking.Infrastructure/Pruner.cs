using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NodaTime;

namespace FastBooking.Infrastructure;

/// <summary>
/// Deletes rows that have served their time, a pass per interval, a bounded batch per statement so that no pass holds
/// locks for long. Every instance may run it: concurrent deletes of the same rows are harmless, and a row is deleted
/// (and counted) once. A transient failure waits for the next pass.
/// </summary>
public abstract class Pruner(NpgsqlDataSource dataSource, IClock clock, ILogger log) : BackgroundService
{
    private const int Batch = 1000;

    protected abstract TimeSpan Interval { get; }

    /// <summary>The table, and the condition on column values and <c>$1</c> (the cut-off) that makes a row deletable.</summary>
    protected abstract (string Table, string Condition) Rows { get; }

    /// <summary>The cut-off for this pass, from now.</summary>
    protected abstract Instant CutOff(Instant now);

    protected virtual void Pruned(int rows) { }

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
                log.LogDebug(e, "{Table} not pruned this time", Rows.Table);
            }
            await Task.Delay(Interval, stop).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    /// <summary>One pass; the number of rows deleted.</summary>
    public async Task<int> PruneAsync(CancellationToken ct)
    {
        var (table, condition) = Rows;
        var cutOff = CutOff(clock.GetCurrentInstant());
        var deleted = 0;
        for (var pass = 0; pass < 100; pass++)
        {
            await using var command = dataSource.CreateCommand(
                $"DELETE FROM {table} WHERE ctid IN (SELECT ctid FROM {table} WHERE {condition} LIMIT $2)");
            command.Parameters.Add(new NpgsqlParameter { Value = cutOff });
            command.Parameters.Add(new NpgsqlParameter { Value = Batch });
            var rows = await command.ExecuteNonQueryAsync(ct);
            deleted += rows;
            if (rows < Batch) break;
        }
        Pruned(deleted);
        return deleted;
    }
}
