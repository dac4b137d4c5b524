using FastBooking.Application.ReadModel.Parked;
using FastBooking.Domain.Businesses;
using FastBooking.Infrastructure.Outbox;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FastBooking.Infrastructure.ReadModel;

/// <summary>
/// The projector's dead letters in PostgreSQL (<c>projector_parked</c>): a row that kept failing is parked with its
/// error so that the rest of the outbox moves on; a business with parked rows is degraded (read from PostgreSQL).
/// Replaying applies the row again from today's state, which is all a projection ever needs.
/// </summary>
public sealed class ParkedChangeStore(NpgsqlDataSource dataSource, FastBookingDb db, ReadModelSync sync) : IParkedChanges
{
    public async Task ParkAsync(OutboxRow row, string error, int attempts, CancellationToken ct)
    {
        await using var park = dataSource.CreateCommand("""
            INSERT INTO projector_parked (outbox_id, business_id, type, payload, error, attempts)
            VALUES ($1, $2, $3, $4::jsonb, $5, $6)
            ON CONFLICT (outbox_id) DO UPDATE SET error = excluded.error, attempts = excluded.attempts, parked_at = now()
            """);
        park.Parameters.Add(new() { Value = row.Id });
        park.Parameters.Add(new() { Value = row.BusinessId });
        park.Parameters.Add(new() { Value = row.Type });
        park.Parameters.Add(new() { Value = row.Payload });
        park.Parameters.Add(new() { Value = error });
        park.Parameters.Add(new() { Value = attempts });
        await park.ExecuteNonQueryAsync(ct);
    }

    /// <summary>How many rows are parked, and the businesses they degrade.</summary>
    public async Task<(int Count, IReadOnlyList<Guid> Degraded)> SummaryAsync(CancellationToken ct)
    {
        await using var read = dataSource.CreateCommand(
            "SELECT count(*)::int, coalesce(array_agg(DISTINCT business_id), '{}') FROM projector_parked");
        await using var reader = await read.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt32(0), reader.GetFieldValue<Guid[]>(1));
    }

    public async Task<(IReadOnlyList<ParkedChange> Rows, int Total)> ListAsync(int limit, CancellationToken ct)
    {
        var rows = await ReadAsync([], limit, ct);
        return (rows, (await SummaryAsync(ct)).Count);
    }

    public async Task<ReplayReport> ReplayAsync(IReadOnlyCollection<long> outboxIds, CancellationToken ct)
    {
        var replayed = new List<long>();
        var failed = new List<ParkedChange>();
        foreach (var row in await ReadAsync(outboxIds, int.MaxValue, ct))
        {
            string? error;
            try
            {
                error = OutboxCodec.Decode(row.Business.Value, row.Type, row.Payload) is not { } change
                        || await sync.ApplyAsync(row.Business, [change], ct)
                    ? null
                    : "Redis did not take the projection.";
            }
            catch (Exception e) when (!TransientFailures.IsTransient(e))
            {
                error = e.Message;
            }
            if (error is null)
            {
                await using var unpark = dataSource.CreateCommand("DELETE FROM projector_parked WHERE outbox_id = $1");
                unpark.Parameters.Add(new() { Value = row.OutboxId });
                await unpark.ExecuteNonQueryAsync(ct);
                replayed.Add(row.OutboxId);
            }
            else
            {
                await using var keep = dataSource.CreateCommand(
                    "UPDATE projector_parked SET error = $2, attempts = attempts + 1 WHERE outbox_id = $1 RETURNING attempts");
                keep.Parameters.Add(new() { Value = row.OutboxId });
                keep.Parameters.Add(new() { Value = error });
                var attempts = (int)(await keep.ExecuteScalarAsync(ct) ?? row.Attempts);
                failed.Add(row with { Error = error, Attempts = attempts });
            }
        }
        return new ReplayReport(replayed, failed);
    }

    private async Task<List<ParkedChange>> ReadAsync(IReadOnlyCollection<long> outboxIds, int limit, CancellationToken ct)
    {
        var rows = db.Parked.AsNoTracking();
        if (outboxIds.Count > 0) rows = rows.Where(p => outboxIds.Contains(p.OutboxId));
        return (await rows.OrderBy(p => p.OutboxId).Take(limit).ToListAsync(ct))
            .Select(p => new ParkedChange(p.OutboxId, new BusinessId(p.BusinessId), p.Type, p.Payload, p.Error, p.Attempts, p.ParkedAt))
            .ToList();
    }
}
