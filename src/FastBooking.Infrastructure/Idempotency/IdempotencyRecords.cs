using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FastBooking.Infrastructure.Idempotency;

/// <summary>
/// Claims a key inside the mutation's transaction. A concurrent request with the same key waits on the claim's row
/// until the first commits (then replays it) or rolls back (then runs itself): the work happens once.
/// The first answer is recorded, a refusal as much as a success; only an outage (no answer at all) leaves the key free.
/// </summary>
public static class IdempotencyRecords
{
    public abstract record Claim;
    public sealed record Claimed : Claim;
    public sealed record Replay(int StatusCode, string Body) : Claim;
    public sealed record Reused : Claim;

    public static async Task<Claim> ClaimAsync(FastBookingDb db, Guid businessId, IdempotencyKey key, Instant now, CancellationToken ct)
    {
        var inserted = await db.Database.SqlQuery<int>($"""
            INSERT INTO idempotency_records (business_id, key, request_hash, status_code, response_body, created_at)
            VALUES ({businessId}, {key.Key}, {key.RequestHash}, 0, '', {now})
            ON CONFLICT DO NOTHING RETURNING 1 AS "Value"
            """).ToListAsync(ct);
        if (inserted.Count == 1) return new Claimed();
        var existing = await db.IdempotencyRecords.AsNoTracking()
            .SingleAsync(r => r.BusinessId == businessId && r.Key == key.Key, ct);
        return existing.RequestHash.AsSpan().SequenceEqual(key.RequestHash)
            ? new Replay(existing.StatusCode, existing.ResponseBody)
            : new Reused();
    }

    public static Task CompleteAsync(FastBookingDb db, Guid businessId, IdempotencyKey key, int statusCode, string body, CancellationToken ct) =>
        db.IdempotencyRecords.Where(r => r.BusinessId == businessId && r.Key == key.Key)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.StatusCode, statusCode).SetProperty(r => r.ResponseBody, body), ct);
}
