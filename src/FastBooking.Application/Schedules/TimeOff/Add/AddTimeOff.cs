using FastBooking.Application.Common;
using FastBooking.Application.Idempotency;
using FastBooking.Domain.Businesses;
using NodaTime;

namespace FastBooking.Application.Schedules.TimeOff.Add;

public sealed record AddTimeOff(BusinessId Business, Guid StaffId, Interval Period, string? Reason, IdempotencyKey? IdempotencyKey = null)
    : IScheduleChange;

/// <summary>The new time off with the zone its times are shown in.</summary>
public sealed record TimeOffAnswer(TimeOffRecord TimeOff, DateTimeZone Zone);

public sealed class AddTimeOffHandler(IScheduleStore store, ISchedulingReader reader) : ScheduleChangeHandler<AddTimeOff, TimeOffAnswer>(store)
{
    protected override async Task<Outcome<TimeOffAnswer>> ChangeAsync(AddTimeOff command, CancellationToken ct)
    {
        var timeOff = new TimeOffRecord(Guid.CreateVersion7(), command.StaffId, command.Period, command.Reason);
        Store.AddTimeOff(timeOff);
        var business = await reader.BusinessAsync(command.Business, ct) ?? throw new InvalidOperationException("Authenticated business is missing.");
        return Outcome<TimeOffAnswer>.Made(new TimeOffAnswer(timeOff, business.Zone));
    }
}
