using FastBooking.Application.Common;
using FastBooking.Application.Idempotency;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Schedules.TimeOff.Remove;

/// <param name="TimeOffId">Null when the request's id is not an id: no such time off, once the staff member is found.</param>
public sealed record RemoveTimeOff(BusinessId Business, Guid StaffId, Guid? TimeOffId, IdempotencyKey? IdempotencyKey = null) : IScheduleChange;

public sealed class RemoveTimeOffHandler(IScheduleStore store) : ScheduleChangeHandler<RemoveTimeOff, Done>(store)
{
    protected override async Task<Outcome<Done>> ChangeAsync(RemoveTimeOff command, CancellationToken ct) =>
        command.TimeOffId is { } id && await Store.RemoveTimeOffAsync(command.StaffId, id, ct) ? Done.Value : Error.NotFound("No such time off.");
}
