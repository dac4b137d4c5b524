using System.Collections.Concurrent;
using System.Diagnostics;
using FastBooking.Domain.Businesses;

namespace FastBooking.Infrastructure.Scheduling;

/// <summary>
/// Keeps <see cref="CatalogReader"/> answers in process for the availability hot path. A change to rules, services or
/// staff forgets the business at once on the instance that made it (after its commit) and, through the outbox, on the
/// others when their projector applies the event; an entry also lapses after <see cref="Lifetime"/>. A read that
/// raced a change is not kept: each business has a generation, and a read only stores what it read in one generation.
/// </summary>
public sealed class CatalogCache(CatalogReader reader)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<(Guid Business, Guid Service, Guid? Staff), (CatalogReader.Catalog? Catalog, long ReadAt)> _entries = new();
    private readonly ConcurrentDictionary<Guid, long> _generations = new();

    public async Task<CatalogReader.Catalog?> ReadAsync(BusinessId business, Guid serviceId, Guid? staffId, CancellationToken ct)
    {
        var key = (business.Value, serviceId, staffId);
        if (_entries.TryGetValue(key, out var entry) && Stopwatch.GetElapsedTime(entry.ReadAt) < Lifetime) return entry.Catalog;
        var generation = _generations.GetValueOrDefault(business.Value);
        var readAt = Stopwatch.GetTimestamp();
        var catalog = await reader.ReadAsync(business, serviceId, staffId, ct);
        if (_entries.Count >= MaxEntries) _entries.Clear();
        if (_generations.GetValueOrDefault(business.Value) == generation) _entries[key] = (catalog, readAt);
        return catalog;
    }

    public void Forget(BusinessId business)
    {
        _generations.AddOrUpdate(business.Value, 1, (_, g) => g + 1);
        foreach (var key in _entries.Keys.Where(k => k.Business == business.Value))
            _entries.TryRemove(key, out _);
    }
}
