using FastBooking.Application.Common;
using FastBooking.Application.ReadModel;

namespace FastBooking.Application.Availability.Find;

/// <summary>
/// What an availability answer is a function of, besides the clock: the catalog entry it was read with (a change of
/// rules, services or staff gives a new one) and the business's read-model generation (every change of its bitmaps or
/// holds moves it on). An answer computed from the Redis read model under one stamp is the answer for as long as the
/// stamp is current and the clock has not reached the instant its scan named.
/// </summary>
public sealed record AnswerStamp(CatalogEntry Catalog, long Generation);

public sealed class AnswerStamps(ICatalogCache catalog, IReadModel readModel)
{
    /// <summary>The stamp a cached answer to this query must carry to be served; null when no cached answer may be
    /// (a forced read path, or a read model not current for the business, or no generation in Redis).</summary>
    public async Task<AnswerStamp?> CurrentAsync(FindAvailability query, CancellationToken ct)
    {
        if (query.Path != ReadPath.Auto || !readModel.IsCurrentFor(query.Business)) return null;
        // Read before the generation: an answer is computed from a catalog and bitmaps at least as new as its stamp.
        if (await catalog.ReadAsync(query.Business, query.ServiceId, query.StaffId, ct) is not { } entry) return null;
        return await readModel.GenerationAsync(query.Business) is { } generation ? new AnswerStamp(entry, generation) : null;
    }

    public static bool Same(AnswerStamp a, AnswerStamp b) => ReferenceEquals(a.Catalog, b.Catalog) && a.Generation == b.Generation;
}
