using FastBooking.Application.Catalog;
using FastBooking.Application.Common;

namespace FastBooking.Application.Schedules;

/// <summary>A change of what decides one staff member's free time: hours, breaks, overrides, time off, the active flag.</summary>
public interface IScheduleChange : IChange
{
    Guid StaffId { get; }
}

/// <summary>
/// The one frame of a schedule change: the staff member is locked first (404 unless an active one of the business),
/// so that schedule changes of one staff member run one after the other; then the change; then its
/// <see cref="ScheduleChanged"/>, which re-projects the staff member's days once committed.
/// </summary>
public abstract class ScheduleChangeHandler<TCommand, T>(IScheduleStore store) : IChangeHandler<TCommand, T>
    where TCommand : IScheduleChange
{
    protected IScheduleStore Store { get; } = store;

    public async Task<Outcome<T>> HandleAsync(TCommand command, ChangeContext context, CancellationToken ct)
    {
        if (!await Store.LockStaffAsync(command.Business, command.StaffId, ct)) return StaffMember.NotFound;
        var outcome = await ChangeAsync(command, ct);
        if (outcome.IsSuccess) context.Record(new ScheduleChanged(command.Business, command.StaffId));
        return outcome;
    }

    /// <summary>The change itself, the staff member locked.</summary>
    protected abstract Task<Outcome<T>> ChangeAsync(TCommand command, CancellationToken ct);
}
