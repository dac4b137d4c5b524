using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Staff;
using NodaTime;

namespace FastBooking.Application.Common;

/// <summary>Scheduling reads from PostgreSQL, on the request's own connection (inside its transaction when one is open).</summary>
public interface ISchedulingReader
{
    Task<Business?> BusinessAsync(BusinessId id, CancellationToken ct);

    /// <summary>The catalog entry, read fresh (a change re-checks against what is committed, not a cache). Null: no such business.</summary>
    Task<CatalogEntry?> CatalogAsync(BusinessId business, Guid serviceId, Guid? staffId, CancellationToken ct);

    /// <summary>Schedules of the given staff (and resource units: <see cref="Domain.Resources.ResourceCalendar"/>) and
    /// their confirmed appointments overlapping <paramref name="around"/>
    /// (holds are read apart: <see cref="Holds.IHoldStore"/>, <see cref="Holds.IHoldRecords"/>).</summary>
    Task<SchedulingState> StateAsync(Business business, IReadOnlyCollection<StaffId> staff, Interval around, CancellationToken ct);

    /// <summary>Every calendar the read model keeps for the business, in id order: its active staff and its resource units.</summary>
    Task<IReadOnlyList<StaffId>> CalendarsAsync(BusinessId business, CancellationToken ct);
}

public static class SchedulingReaderExtensions
{
    // Enough around one start for every local day an occupied range (at most 1440 + 2 × 720 minutes) can touch.
    private static readonly Duration AroundStart = Duration.FromDays(3);

    /// <summary>The stored state one start needs.</summary>
    public static Task<SchedulingState> StateAroundAsync(this ISchedulingReader reader, Business business,
        IReadOnlyCollection<StaffId> staff, Instant start, CancellationToken ct) =>
        reader.StateAsync(business, staff, new Interval(start - AroundStart, start + AroundStart), ct);
}

/// <summary>The catalog for the hot paths, kept in process and forgotten on change (here at once, elsewhere on notification).</summary>
public interface ICatalogCache
{
    Task<CatalogEntry?> ReadAsync(BusinessId business, Guid serviceId, Guid? staffId, CancellationToken ct);

    void Forget(BusinessId business);
}
