using FastBooking.Application.ApiKeys;
using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FastBooking.Infrastructure.ApiKeys;

public sealed class ApiKeyStore(FastBookingDb db) : IApiKeyStore
{
    public async Task<BusinessId?> BusinessOfAsync(byte[] keyHash, CancellationToken ct)
    {
        var row = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyHash == keyHash, ct);
        return row is null ? null : new BusinessId(row.BusinessId);
    }

    public void Add(BusinessId business, ApiKeyInfo key, byte[] keyHash) => db.ApiKeys.Add(new ApiKeyRow
    {
        Id = key.Id, BusinessId = business.Value, KeyHash = keyHash, Prefix = key.Prefix, CreatedAt = key.CreatedAt,
    });

    public async Task<Page<ApiKeyInfo>> ListAsync(BusinessId business, PageRequest page, CancellationToken ct)
    {
        var keys = page.After is { } after
            ? db.ApiKeys.FromSql($"SELECT * FROM api_keys WHERE (created_at, id) > ({Instant.FromUnixTimeTicks(after.Key)}, {after.Id})")
            : db.ApiKeys;
        var read = await Listed(keys, business).Take(page.Limit + 1).ToListAsync(ct);
        return Page<ApiKeyInfo>.Of(read, page, k => new PageCursor(k.CreatedAt.ToUnixTimeTicks(), k.Id));
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> LockAsync(BusinessId business, CancellationToken ct)
    {
        // The business row is the lock of its key set: revocations of one business go one at a time.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM businesses WHERE id = {business.Value} FOR UPDATE", ct);
        return await Listed(db.ApiKeys, business).ToListAsync(ct);
    }

    private static IQueryable<ApiKeyInfo> Listed(IQueryable<ApiKeyRow> keys, BusinessId business) =>
        keys.AsNoTracking().Where(k => k.BusinessId == business.Value)
            .OrderBy(k => k.CreatedAt).ThenBy(k => k.Id)
            .Select(k => new ApiKeyInfo(k.Id, k.Prefix, k.CreatedAt));

    public Task RevokeAsync(BusinessId business, Guid keyId, CancellationToken ct) =>
        db.ApiKeys.Where(k => k.BusinessId == business.Value && k.Id == keyId).ExecuteDeleteAsync(ct);
}
