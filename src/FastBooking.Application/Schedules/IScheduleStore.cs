using FastBooking.Domain.Businesses;
using FastBooking.Domain.Schedules;
using NodaTime;

namespace FastBooking.Application.Schedules;

/// <summary>
/// Staff schedules in PostgreSQL: weekly hours and breaks, date overrides, time off, the active flag. Writes join the
/// request's unit of work and are written with its next save.
/// </summary>
public interface IScheduleStore
{
    /// <summary>Locks an active staff member of the business until the transaction ends; false when there is none.</summary>
    Task<bool> LockStaffAsync(BusinessId business, Guid staffId, CancellationToken ct);

    /// <summary>Deactivates a locked staff member: no new bookings; existing appointments stay as they are.</summary>
    void Deactivate(Guid staffId);

    /// <summary>Replaces every weekly range of one kind: a weekday not given has none.</summary>
    Task ReplaceWeeklyRangesAsync(Guid staffId, WeeklyRangeKind kind, IReadOnlyList<DayRanges> days, CancellationToken ct);

    /// <summary>Adds the override of its date, or replaces the one there is.</summary>
    Task PutOverrideAsync(Guid staffId, DateOverride day, CancellationToken ct);

    /// <summary>False when the staff member has no override on that date.</summary>
    Task<bool> RemoveOverrideAsync(Guid staffId, LocalDate date, CancellationToken ct);

    void AddTimeOff(TimeOffRecord timeOff);

    /// <summary>False when the staff member has no such time off.</summary>
    Task<bool> RemoveTimeOffAsync(Guid staffId, Guid timeOffId, CancellationToken ct);
}
