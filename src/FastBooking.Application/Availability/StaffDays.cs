using FastBooking.Application.Common;
using FastBooking.Application.Holds;
using FastBooking.Application.ReadModel;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Holds;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using NodaTime;

namespace FastBooking.Application.Availability;

/// <summary>What an availability scan reads: each staff member's day bitmaps, the live holds, and which read answered.</summary>
public sealed record ReadDays(Func<StaffId, LocalDate, StaffDayBitmap?> Bitmaps, IReadOnlyList<LiveHold> Holds, ReadPath ServedBy);

/// <summary>
/// Reads staff-days for the availability scans: the Redis bitmaps when the read model is usable (days it lacks are
/// projected now, and stored), else projected from PostgreSQL (the direct path). Both come with the same live holds.
/// </summary>
public sealed class StaffDays(ISchedulingReader reader, IReadModel readModel, IHoldStore holds, IHoldRecords holdRecords, IStaffProjector projector)
{
    public async Task<ReadDays> ReadAsync(Business business, IReadOnlyList<StaffId> staff, IReadOnlyList<LocalDate> dates, ReadPath path, Instant now, CancellationToken ct)
    {
        if (path == ReadPath.Redis || (path == ReadPath.Auto && readModel.IsCurrentFor(business.Id)))
            if (await FromRedisAsync(business, staff, dates, now, ct) is { } stored) return stored;
        var span = new Interval(LocalDay.Of(dates[0], business.Zone).Start, LocalDay.Of(dates[^1], business.Zone).End);
        // Redis's live holds when it answers (so that both paths see the same holds); else PostgreSQL's record of them.
        var live = await holds.LiveAsync(business.Id, staff, now) ?? await holdRecords.LiveAsync(staff, now, ct);
        var state = await reader.StateAsync(business, staff, span, ct);
        return new ReadDays(AvailabilityEngine.Project(state, staff, dates), live, ReadPath.Postgres);
    }

    /// <summary>The stored bitmaps, fetched with the live holds in one round trip. Null when Redis did not answer.</summary>
    private async Task<ReadDays?> FromRedisAsync(Business business, IReadOnlyList<StaffId> staff, IReadOnlyList<LocalDate> dates, Instant now, CancellationToken ct)
    {
        var read = await readModel.ReadAsync(business.Id, business.Zone, staff, dates, now);
        if (read is null) return null;
        var stored = read.Bitmaps;
        var missing = staff.SelectMany(s => dates.Where(d => !stored.ContainsKey((s, d))).Select(d => (s, d))).ToList();
        if (missing.Count > 0)
        {
            var projected = await projector.ProjectAsync(business, missing.Select(m => m.s).Distinct().ToList(), missing.Select(m => m.d).Distinct().ToList(), ct);
            foreach (var (key, bitmap) in projected.Days) stored.TryAdd(key, bitmap);
        }
        return new ReadDays((s, d) => stored.GetValueOrDefault((s, d)), read.Holds, ReadPath.Redis);
    }
}
