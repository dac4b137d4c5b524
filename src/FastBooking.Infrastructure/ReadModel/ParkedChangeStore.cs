using FastBooking.Application.ReadModel.Parked;
using FastBooking.Domain.Businesses;
using FastBooking.Infrastructure.Outbox;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace FastBooking.Infrastructure.ReadModel;

/// <summary>
/// The projector's dead letters in PostgreSQL (<c>projector_parked</c>): a row that kept failing is parked with its
/// error so that the rest of the outbox moves on; a business with parked rows is degraded (read from PostgreSQL).
/// Replaying applies the row again from today's state, which is all a projection ever needs.
/// </summary>
public sealed class ParkedChangeStore(FastBookingDb db, ReadModelSync sync) : IParkedChanges
{
    public async Task ParkAsync(OutboxRow row, string error, int attempts, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO projector_parked (outbox_id, business_id, type, payload, error, attempts)
            VALUES ({row.Id}, {row.BusinessId}, {row.Type}, {row.Payload}::jsonb, {error}, {attempts})
            ON CONFLICT (outbox_id) DO UPDATE SET error = excluded.error, attempts = excluded.attempts, parked_at = now()
            """, ct);

    /// <summary>How many rows are parked, and the businesses they degrade.</summary>
    public async Task<(int Count, IReadOnlyList<Guid> Degraded)> SummaryAsync(CancellationToken ct)
    {
        var byBusiness = await db.Parked.GroupBy(p => p.BusinessId).Select(g => new { Business = g.Key, Rows = g.Count() }).ToListAsync(ct);
        return (byBusiness.Sum(b => b.Rows), byBusiness.Select(b => b.Business).ToList());
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
            var parked = db.Parked.Where(p => p.OutboxId == row.OutboxId);
            if (error is null)
            {
                await parked.ExecuteDeleteAsync(ct);
                replayed.Add(row.OutboxId);
            }
            else
            {
                await parked.ExecuteUpdateAsync(p => p.SetProperty(r => r.Error, error).SetProperty(r => r.Attempts, r => r.Attempts + 1), ct);
                failed.Add(row with { Error = error, Attempts = row.Attempts + 1 });
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
