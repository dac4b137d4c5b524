using FastBooking.Application.Common;
using FastBooking.Application.Idempotency;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Schedules.Deactivate;

public sealed record DeactivateStaff(BusinessId Business, Guid StaffId, IdempotencyKey? IdempotencyKey = null) : IScheduleChange;

/// <summary>Deactivates a staff member: they leave availability and the services they performed; their appointments stay.</summary>
public sealed class DeactivateStaffHandler(IScheduleStore store) : ScheduleChangeHandler<DeactivateStaff, Done>(store)
{
    protected override Task<Outcome<Done>> ChangeAsync(DeactivateStaff command, CancellationToken ct)
    {
        Store.Deactivate(command.StaffId);
        return Task.FromResult<Outcome<Done>>(Done.Value);
    }
}
