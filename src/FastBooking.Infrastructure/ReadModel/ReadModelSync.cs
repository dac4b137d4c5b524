using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Staff;
using FastBooking.Infrastructure.Scheduling;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace FastBooking.Infrastructure.ReadModel;

/// <summary>
/// Read-your-writes: right after a change commits, the request itself re-projects the staff-days it touched, so the
/// next availability answer already shows it. The change is committed by then, so a failure here never fails the
/// request: it marks Redis unusable and the outbox projector, the durable catch-up, repairs it.
/// </summary>
public sealed class ReadModelSync(StaffProjector projector, SchedulingStore store, RedisGate redis, ILogger<ReadModelSync> log)
{
    /// <summary>After an appointment change: the local days its occupied ranges touch.</summary>
    public Task RangesChangedAsync(BusinessId businessId, IEnumerable<(Guid StaffId, Interval Occupied)> ranges, CancellationToken ct) =>
        GuardAsync(async () =>
        {
            var business = await store.BusinessAsync(businessId, ct);
            if (business is null) return;
            foreach (var group in ranges.GroupBy(r => r.StaffId))
            {
                var dates = group.SelectMany(r => Bookability.DaysTouching(r.Occupied, business.Zone)).Select(d => d.Date).Distinct().ToList();
                await projector.ProjectAsync(business, [new StaffId(group.Key)], dates, ct);
            }
        });

    /// <summary>After a schedule change of one staff member: every day of the horizon.</summary>
    public Task StaffChangedAsync(BusinessId businessId, Guid staffId, CancellationToken ct) =>
        GuardAsync(async () =>
        {
            var business = await store.BusinessAsync(businessId, ct);
            if (business is null) return;
            await projector.ProjectAsync(business, [new StaffId(staffId)], projector.Horizon(business), ct);
        });

    private async Task GuardAsync(Func<Task> sync)
    {
        try
        {
            await sync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            redis.MarkCaughtUp(false);
            log.LogWarning(e, "Read model not updated after commit; the outbox projector will catch up");
        }
    }
}
