using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;
using NodaTime;

namespace FastBooking.Application.Appointments;

/// <summary>Appointments in PostgreSQL. Writes join the request's unit of work and are written with its next save.</summary>
public interface IAppointmentStore
{
    /// <summary>
    /// Inserts a confirmed appointment with its "booked" history row and the outbox row of <paramref name="change"/>,
    /// in one statement; or writes nothing and answers false when its range is already taken (no deadlock, no error).
    /// </summary>
    Task<bool> TryInsertAsync(AppointmentRecord appointment, ChangeEvent change, CancellationToken ct);

    /// <summary>The appointment, locked until the transaction ends; null when the business has no such appointment.</summary>
    Task<AppointmentRecord?> LockAsync(BusinessId business, Guid id, CancellationToken ct);

    /// <summary>Writes a locked appointment's new state in one UPDATE.</summary>
    void Update(AppointmentRecord appointment);

    /// <summary>Appends the appointment's state after a change to its history.</summary>
    void AddHistory(AppointmentRecord appointment, string change, Instant at);

    Task<AppointmentRecord?> FindAsync(BusinessId business, Guid id, CancellationToken ct);

    /// <summary>Locks the rows of these staff members, then of these resource units, each in id order, until the transaction ends.</summary>
    Task LockCalendarsAsync(IReadOnlyCollection<Guid> staff, IReadOnlyCollection<Guid> units, CancellationToken ct);

    /// <summary>The appointments of a visit in start order, locked until the transaction ends; empty when there is no such visit.</summary>
    Task<IReadOnlyList<AppointmentRecord>> LockVisitAsync(BusinessId business, Guid visitId, CancellationToken ct);

    /// <summary>The appointments of a visit in start order; empty when there is no such visit.</summary>
    Task<IReadOnlyList<AppointmentRecord>> FindVisitAsync(BusinessId business, Guid visitId, CancellationToken ct);

    /// <summary>Appointments starting in <paramref name="starts"/>, optionally of one staff member, in start (then id)
    /// order, one page at a time.</summary>
    Task<Page<AppointmentRecord>> ListAsync(BusinessId business, Interval starts, Guid? staffId, PageRequest page, CancellationToken ct);
}
