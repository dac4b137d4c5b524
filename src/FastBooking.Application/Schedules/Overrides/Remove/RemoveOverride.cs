using FastBooking.Application.Common;
using FastBooking.Application.Idempotency;
using FastBooking.Domain.Businesses;
using NodaTime;

namespace FastBooking.Application.Schedules.Overrides.Remove;

/// <param name="Date">Null when the request's date is not a date: no such override, once the staff member is found.</param>
public sealed record RemoveOverride(BusinessId Business, Guid StaffId, LocalDate? Date, IdempotencyKey? IdempotencyKey = null) : IScheduleChange;

/// <summary>Removes a date's override: that date has its weekday's hours again.</summary>
public sealed class RemoveOverrideHandler(IScheduleStore store) : ScheduleChangeHandler<RemoveOverride, Done>(store)
{
    protected override async Task<Outcome<Done>> ChangeAsync(RemoveOverride command, CancellationToken ct) =>
        command.Date is { } date && await Store.RemoveOverrideAsync(command.StaffId, date, ct) ? Done.Value : Error.NotFound("No such override.");
}
