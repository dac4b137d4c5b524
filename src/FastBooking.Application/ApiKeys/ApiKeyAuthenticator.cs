using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using FastBooking.Domain.Businesses;
using Microsoft.Extensions.Options;

namespace FastBooking.Application.ApiKeys;

/// <summary>Configuration section <c>FastBooking:ApiKeys</c>.</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "FastBooking:ApiKeys";

    /// <summary>How long a known key is trusted without asking PostgreSQL: the bound on a revocation should an instance
    /// miss its notification (normally every instance forgets at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan KnownLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an unknown key is answered "unknown" without asking PostgreSQL again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan UnknownLifetime { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// Finds the business an API key belongs to, remembering answers — unknown keys too, so that guessing costs no query.
/// A change to a business's keys forgets what is remembered for it: here at once, elsewhere on the outbox notification.
/// </summary>
public sealed class ApiKeyAuthenticator(IOptions<ApiKeyOptions> options)
{
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new();
    private readonly ConcurrentDictionary<BusinessId, long> _forgotten = new();

    private sealed record Entry(BusinessId? Business, long At);

    public async Task<BusinessId?> AuthenticateAsync(string key, IApiKeyStore store, CancellationToken ct)
    {
        var secret = new ApiKeySecret(key);
        var hash = secret.Hash;
        var id = Convert.ToHexString(hash);
        if (_entries.TryGetValue(id, out var entry) && IsCurrent(entry)) return entry.Business;
        var at = Stopwatch.GetTimestamp();
        var business = await store.BusinessOfAsync(hash, ct);
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[id] = new Entry(business, at);
        return business;
    }

    /// <summary>The business of a key remembered as known, without asking PostgreSQL; null when it is not.</summary>
    public BusinessId? Remembered(string key) =>
        _entries.TryGetValue(Convert.ToHexString(new ApiKeySecret(key).Hash), out var entry) && entry.Business is not null && IsCurrent(entry)
            ? entry.Business
            : null;

    /// <summary>The business's keys changed: every key remembered for it before now — a read that raced the change
    /// included — is asked for again.</summary>
    public void Forget(BusinessId business) => _forgotten[business] = Stopwatch.GetTimestamp();

    private bool IsCurrent(Entry entry) => entry.Business is { } business
        ? Stopwatch.GetElapsedTime(entry.At) < options.Value.KnownLifetime && !(_forgotten.TryGetValue(business, out var at) && entry.At <= at)
        : Stopwatch.GetElapsedTime(entry.At) < options.Value.UnknownLifetime;
}
