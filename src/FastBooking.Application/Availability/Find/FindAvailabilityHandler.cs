using FastBooking.Application.Common;
using FastBooking.Application.Holds;
using FastBooking.Application.ReadModel;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using NodaTime;

namespace FastBooking.Application.Availability.Find;

/// <summary>
/// Availability, read from the Redis bitmaps when the read model is usable, else computed from PostgreSQL (the direct
/// path); both scan with the same domain code, with the same live holds.
/// </summary>
public sealed class FindAvailabilityHandler(
    ICatalogCache catalog, ISchedulingReader reader, IReadModel readModel, IHoldStore holds, IHoldRecords holdRecords, IStaffProjector projector,
    IClock clock)
    : IHandler<FindAvailability, AvailableSlots>
{
    public async Task<Outcome<AvailableSlots>> HandleAsync(FindAvailability query, CancellationToken ct)
    {
        var found = await catalog.ReadAsync(query.Business, query.ServiceId, query.StaffId, ct);
        if (found?.ServiceFor(query.StaffId) is not { } service) return Error.NotFound("No such service or staff member.");
        var business = found.Business;

        var search = new SlotSearch(business, service, query.StaffId is { } s ? [new StaffId(s)] : service.Staff.ToList(), query.Dates.Start, query.Dates.End);
        var staff = search.QualifiedStaff();
        if (staff.Count == 0) return new AvailableSlots(business, service, Openings.None(search, clock.GetCurrentInstant()), query.Path);
        var now = clock.GetCurrentInstant();

        if (query.Path == ReadPath.Redis || (query.Path == ReadPath.Auto && readModel.IsCurrentFor(query.Business)))
        {
            var openings = await FromRedisAsync(search, staff, now, ct);
            if (openings is not null) return new AvailableSlots(business, service, openings, ReadPath.Redis);
        }
        var span = new Interval(LocalDay.Of(query.Dates.Start.PlusDays(-1), business.Zone).Start, LocalDay.Of(query.Dates.End.PlusDays(1), business.Zone).End);
        // Redis's live holds when it answers (so that both paths see the same holds); else PostgreSQL's record of them.
        var live = await holds.LiveAsync(query.Business, staff, now) ?? await holdRecords.LiveAsync(staff, now, ct);
        var state = await reader.StateAsync(business, staff, span, ct) with { Holds = live };
        return new AvailableSlots(business, service, AvailabilityEngine.Prepare(search, state, now), ReadPath.Postgres);
    }

    /// <summary>
    /// The stored bitmaps, fetched with the live holds in one round trip; days the read model lacks are projected now
    /// (and stored). Null when Redis did not answer.
    /// </summary>
    private async Task<Openings?> FromRedisAsync(SlotSearch search, IReadOnlyList<StaffId> staff, Instant now, CancellationToken ct)
    {
        var dates = search.DatesToRead().ToList();
        var read = await readModel.ReadAsync(search.Business.Id, search.Business.Zone, staff, dates, now);
        if (read is null) return null;
        var stored = read.Bitmaps;
        var missing = staff.SelectMany(s => dates.Where(d => !stored.ContainsKey((s, d))).Select(d => (s, d))).ToList();
        if (missing.Count > 0)
        {
            var projected = await projector.ProjectAsync(search.Business,
                missing.Select(m => m.s).Distinct().ToList(), missing.Select(m => m.d).Distinct().ToList(), ct);
            foreach (var (key, bitmap) in projected.Days) stored.TryAdd(key, bitmap);
        }
        return new Openings(search, (s, d) => stored.GetValueOrDefault((s, d)), read.Holds, now);
    }
}
