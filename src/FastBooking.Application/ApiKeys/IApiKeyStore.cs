using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;
using NodaTime;

namespace FastBooking.Application.ApiKeys;

/// <summary>A business's API keys, as listed: never the key itself, which is shown once and stored only hashed.</summary>
public sealed record ApiKeyInfo(Guid Id, string Prefix, Instant CreatedAt);

/// <summary>API keys in PostgreSQL.</summary>
public interface IApiKeyStore
{
    /// <summary>The business a key hash belongs to; null for an unknown (or revoked) key.</summary>
    Task<BusinessId?> BusinessOfAsync(byte[] keyHash, CancellationToken ct);

    /// <summary>Adds a key in the request's unit of work.</summary>
    void Add(BusinessId business, ApiKeyInfo key, byte[] keyHash);

    /// <summary>The business's keys, oldest first, one page at a time.</summary>
    Task<Page<ApiKeyInfo>> ListAsync(BusinessId business, PageRequest page, CancellationToken ct);

    /// <summary>All of the business's keys, locked until the transaction ends, so that concurrent revocations go one at a time.</summary>
    Task<IReadOnlyList<ApiKeyInfo>> LockAsync(BusinessId business, CancellationToken ct);

    /// <summary>Deletes a key of the business (in the request's unit of work).</summary>
    Task RevokeAsync(BusinessId business, Guid keyId, CancellationToken ct);
}
