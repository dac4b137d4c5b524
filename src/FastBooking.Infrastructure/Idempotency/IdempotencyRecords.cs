using FastBooking.Application.Idempotency;
using FastBooking.Domain.Businesses;
using FastBooking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FastBooking.Infrastructure.Idempotency;

/// <summary>
/// Claims a key inside the change's transaction with an insert that a concurrent claim of the same key waits on:
/// the work happens once. The first answer is recorded, a refusal as much as a success.
/// </summary>
public sealed class IdempotencyRecords(FastBookingDb db) : IIdempotencyRecords
{
    public async Task<Claim> ClaimAsync(BusinessId business, IdempotencyKey key, Instant now, CancellationToken ct)
    {
        var inserted = await db.Database.SqlQuery<int>($"""
            INSERT INTO idempotency_records (business_id, key, request_hash, status_code, response_body, created_at)
            VALUES ({business.Value}, {key.Key}, {key.RequestHash}, 0, '', {now})
            ON CONFLICT DO NOTHING RETURNING 1 AS "Value"
            """).ToListAsync(ct);
        if (inserted.Count == 1) return new Claim.Claimed();
        var existing = await db.IdempotencyRecords.AsNoTracking()
            .SingleAsync(r => r.BusinessId == business.Value && r.Key == key.Key, ct);
        return existing.RequestHash.AsSpan().SequenceEqual(key.RequestHash)
            ? new Claim.Replay(new RecordedAnswer(existing.StatusCode, existing.ResponseBody))
            : new Claim.Reused();
    }

    public Task CompleteAsync(BusinessId business, IdempotencyKey key, RecordedAnswer answer, CancellationToken ct) =>
        db.IdempotencyRecords.Where(r => r.BusinessId == business.Value && r.Key == key.Key)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.StatusCode, answer.Status).SetProperty(r => r.ResponseBody, answer.Body), ct);
}
