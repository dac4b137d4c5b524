using FastBooking.Application.Common;
using FastBooking.Application.Idempotency;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Schedules;

namespace FastBooking.Application.Schedules.Overrides.Put;

public sealed record PutOverride(BusinessId Business, Guid StaffId, DateOverride Day, IdempotencyKey? IdempotencyKey = null) : IScheduleChange;

/// <summary>Replaces one local date's hours of a staff member; no ranges means closed that day.</summary>
public sealed class PutOverrideHandler(IScheduleStore store) : ScheduleChangeHandler<PutOverride, DateOverride>(store)
{
    protected override async Task<Outcome<DateOverride>> ChangeAsync(PutOverride command, CancellationToken ct)
    {
        var day = command.Day with { Ranges = command.Day.Ranges.OrderBy(r => r.Start).ToList() };
        await Store.PutOverrideAsync(command.StaffId, day, ct);
        return day;
    }
}
