using FastBooking.Application.Common;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Holds;
using FastBooking.Domain.Staff;
using NodaTime;

namespace FastBooking.Application.ReadModel;

/// <summary>Re-projects what a committed change touched; never fails the change (a failure leaves the repair to the projector).</summary>
public interface IReadModelSync
{
    /// <summary>Re-projects the staff-days one business's committed changes touched.</summary>
    Task CommittedAsync(BusinessId business, IReadOnlyCollection<ChangeEvent> changes);
}

/// <summary>Staff-day bitmaps projected from PostgreSQL into Redis.</summary>
public interface IStaffProjector
{
    /// <summary>Projects the given staff-days from one snapshot and stores those inside the horizon.</summary>
    Task<Projection> ProjectAsync(Business business, IReadOnlyCollection<StaffId> staff, IReadOnlyCollection<LocalDate> dates, CancellationToken ct);

    /// <summary>The dates the read model keeps for a business.</summary>
    IReadOnlyList<LocalDate> Horizon(Business business);

    /// <summary>Re-projects every staff member of a business over its horizon; false when Redis did not take it.</summary>
    Task<bool> RebuildAsync(BusinessId business, CancellationToken ct);
}

/// <summary>Staff-days projected from one snapshot, and whether Redis took every one of them that it keeps.</summary>
public sealed record Projection(IReadOnlyDictionary<(StaffId, LocalDate), StaffDayBitmap> Days, bool Stored);

/// <summary>What availability reads from Redis in one round trip: stored staff-days and live holds.</summary>
public sealed record StoredDays(Dictionary<(StaffId, LocalDate), StaffDayBitmap> Bitmaps, IReadOnlyList<LiveHold> Holds);

/// <summary>
/// The projector leader's verdict on the read model, shared by every instance: how far it has applied the outbox
/// (position, head, lag in rows), whether Redis reflects PostgreSQL (<see cref="Current"/>), who leads (null: no live
/// leader), the businesses degraded by parked changes, and the database it was built from (<see cref="Source"/>).
/// </summary>
public sealed record ReadModelStatus(bool RedisAnswered, string? Epoch, long? Position, long? Head, long? Lag, bool Current,
    bool Rebuilding, string? Leader, int Parked, IReadOnlySet<Guid> Degraded, string? Source = null)
{
    public static readonly ReadModelStatus Unknown = new(false, null, null, null, null, false, false, null, 0, new HashSet<Guid>());

    /// <summary>Whether reads of the business may use Redis: a live leader declared it current and the business is not degraded.</summary>
    public bool IsCurrentFor(BusinessId business) => Current && Leader is not null && !Degraded.Contains(business.Value);
}

/// <summary>The Redis read model as the read paths see it.</summary>
public interface IReadModel
{
    /// <summary>Whether reads of this business may use Redis: connected, caught up with PostgreSQL, and the business not
    /// degraded by a change the projector could not apply.</summary>
    bool IsCurrentFor(BusinessId business);

    /// <summary>The projector's last published verdict, as this instance last read it.</summary>
    ReadModelStatus Status { get; }

    /// <summary>Stored bitmaps of the given staff-days (a day Redis lacks is absent) and the staff's live holds, in one
    /// round trip. Null when Redis did not answer.</summary>
    Task<StoredDays?> ReadAsync(BusinessId business, DateTimeZone zone, IReadOnlyList<StaffId> staff, IReadOnlyList<LocalDate> dates, Instant now);

    /// <summary>
    /// The business's read-model generation: it moves on with every change of the business's bitmaps or holds, in the
    /// same step as the change. Null when Redis did not answer or has none yet.
    /// </summary>
    Task<long?> GenerationAsync(BusinessId business);
}
