using FastBooking.Application.Common;
using FastBooking.Application.Idempotency;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Schedules.WeeklyRanges;

/// <summary>A whole week of one kind of range; a weekday left out has none.</summary>
public sealed record ReplaceWeeklyRanges(
    BusinessId Business, Guid StaffId, WeeklyRangeKind Kind, IReadOnlyList<DayRanges> Days, IdempotencyKey? IdempotencyKey = null) : IScheduleChange;

/// <summary>The week as stored: the days given, in weekday order, each one's ranges in order.</summary>
public sealed record Week(IReadOnlyList<DayRanges> Days);

/// <summary>Replaces a staff member's working hours or breaks, whichever the command names.</summary>
public sealed class ReplaceWeeklyRangesHandler(IScheduleStore store) : ScheduleChangeHandler<ReplaceWeeklyRanges, Week>(store)
{
    protected override async Task<Outcome<Week>> ChangeAsync(ReplaceWeeklyRanges command, CancellationToken ct)
    {
        await Store.ReplaceWeeklyRangesAsync(command.StaffId, command.Kind, command.Days, ct);
        return new Week(command.Days.OrderBy(d => d.Day).Select(d => d with { Ranges = d.Ranges.OrderBy(r => r.Start).ToList() }).ToList());
    }
}
