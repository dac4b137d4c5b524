using System.Collections.Concurrent;
using System.Diagnostics;
using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;
using Microsoft.Extensions.Options;

namespace FastBooking.Infrastructure.Scheduling;

/// <summary>
/// Keeps <see cref="CatalogReader"/> answers in process for the availability hot path. A change to rules, services or
/// staff forgets the business at once on the instance that made it (after its commit) and, through the outbox
/// notification, on the others; an entry also lapses after its configured lifetime (a notification may be missed). Forgetting bumps the business's
/// generation: an entry is used only while its generation is current, so a read that raced a change is never served.
/// </summary>
public sealed class CatalogCache(CatalogReader reader, IOptions<CatalogCacheOptions> options) : ICatalogCache
{
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<(Guid Business, Guid Service, Guid? Staff), Entry> _entries = new();
    private readonly ConcurrentDictionary<Guid, long> _generations = new();

    private sealed record Entry(CatalogEntry? Catalog, long Generation, long ReadAt);

    public async Task<CatalogEntry?> ReadAsync(BusinessId business, Guid serviceId, Guid? staffId, CancellationToken ct)
    {
        var key = (business.Value, serviceId, staffId);
        var generation = _generations.GetValueOrDefault(business.Value);
        if (_entries.TryGetValue(key, out var entry) && entry.Generation == generation && Stopwatch.GetElapsedTime(entry.ReadAt) < options.Value.Lifetime)
            return entry.Catalog;
        var readAt = Stopwatch.GetTimestamp();
        var catalog = await reader.ReadAsync(business, serviceId, staffId, ct);
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[key] = new Entry(catalog, generation, readAt);
        return catalog;
    }

    public void Forget(BusinessId business) => _generations.AddOrUpdate(business.Value, 1, (_, g) => g + 1);
}
