using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Holds;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using FastBooking.Infrastructure.ReadModel;
using NodaTime;

namespace FastBooking.Infrastructure.Scheduling;

/// <summary>
/// Availability and explain. Availability is read from the Redis bitmaps when the read model is usable, else
/// computed from PostgreSQL (the direct path); both scan with the same domain code, with the same live holds.
/// </summary>
public sealed class AvailabilityReader(
    SchedulingStore store, CatalogCache catalog, HoldStore holds, StaffProjector projector, RedisGate redis, IClock clock)
{
    public enum ReadPath { Auto, Redis, Postgres }

    public sealed record Answer(Business Business, Service Service, IReadOnlyList<Slot> Slots, ReadPath ServedBy);

    public sealed record Explanation(Business Business, IReadOnlyList<Reason> Reasons);

    /// <returns>null when the service or staff member is not the business's.</returns>
    public async Task<Answer?> FindAsync(BusinessId businessId, Guid serviceId, Guid? staffId, LocalDate from, LocalDate to,
        CancellationToken ct, ReadPath path = ReadPath.Auto)
    {
        var found = await catalog.ReadAsync(businessId, serviceId, staffId, ct);
        if (found is not { Service: { } service } || (staffId is not null && !found.StaffKnown)) return null;
        var business = found.Business;

        var search = new SlotSearch(business, service, staffId is { } s ? [new StaffId(s)] : service.Staff.ToList(), from, to);
        var staff = search.QualifiedStaff();
        if (staff.Count == 0) return new Answer(business, service, [], path);
        var now = clock.GetCurrentInstant();

        if (path == ReadPath.Redis || (path == ReadPath.Auto && redis.Usable))
        {
            var slots = await FromRedisAsync(search, staff, now, ct);
            if (slots is not null) return new Answer(business, service, slots, ReadPath.Redis);
        }
        var span = new Interval(LocalDay.Of(from.PlusDays(-1), business.Zone).Start, LocalDay.Of(to.PlusDays(1), business.Zone).End);
        var state = await store.StateAsync(business, staff, span, ct) with { Holds = await holds.LiveAsync(businessId, staff, now) ?? [] };
        return new Answer(business, service, AvailabilityEngine.Find(search, state, now), ReadPath.Postgres);
    }

    /// <summary>
    /// Scans the stored bitmaps, fetched with the live holds in one round trip; days the read model lacks are projected
    /// now (and stored). Null when Redis did not answer.
    /// </summary>
    private async Task<IReadOnlyList<Slot>?> FromRedisAsync(SlotSearch search, IReadOnlyList<StaffId> staff, Instant now, CancellationToken ct)
    {
        var dates = search.DatesToRead().ToList();
        var read = await redis.TryAsync(async db =>
        {
            var batch = db.CreateBatch();
            var bitmaps = DayBitmapStore.Read(batch, search.Business.Id, search.Business.Zone, staff, dates);
            var live = HoldStore.ReadLive(batch, search.Business.Id, staff, now);
            batch.Execute();
            return new StoredState(await bitmaps, await live);
        });
        if (read is null) return null;
        var stored = read.Bitmaps;
        var missing = staff.SelectMany(s => dates.Where(d => !stored.ContainsKey((s, d))).Select(d => (s, d))).ToList();
        if (missing.Count > 0)
        {
            var projected = await projector.ProjectAsync(search.Business,
                missing.Select(m => m.s).Distinct().ToList(), missing.Select(m => m.d).Distinct().ToList(), ct);
            foreach (var (key, bitmap) in projected.Days) stored.TryAdd(key, bitmap);
        }
        return SlotFinder.Find(search, (s, d) => stored.GetValueOrDefault((s, d)), read.Holds, now);
    }

    private sealed record StoredState(Dictionary<(StaffId, LocalDate), StaffDayBitmap> Bitmaps, List<Hold> Holds);

    public async Task<Explanation?> ExplainAsync(BusinessId businessId, Guid serviceId, Guid staffId, Instant start, CancellationToken ct)
    {
        var found = await catalog.ReadAsync(businessId, serviceId, staffId, ct);
        if (found is not { Service: { } service, StaffKnown: true }) return null;
        var business = found.Business;
        var staff = new StaffId(staffId);
        var now = clock.GetCurrentInstant();
        var state = await store.StateAroundAsync(business, [staff], start, ct)
            with { Holds = await holds.LiveAsync(businessId, [staff], now) ?? [] };
        return new Explanation(business, Bookability.Explain(state, service, staff, start, now));
    }
}
