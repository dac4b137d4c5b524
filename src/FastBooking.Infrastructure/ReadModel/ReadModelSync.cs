using FastBooking.Application.Common;
using FastBooking.Application.ReadModel;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Staff;
using FastBooking.Infrastructure.Scheduling;
using Microsoft.Extensions.Logging;

namespace FastBooking.Infrastructure.ReadModel;

/// <summary>
/// Re-projects what a change touched. Requests call it right after their commit (read-your-writes): the change is
/// committed by then, so a failure there never fails the request — it marks Redis unusable and the outbox projector,
/// the durable catch-up, repairs it. The projector itself needs to know of failures, to stop before moving on.
/// </summary>
public sealed class ReadModelSync(StaffProjector projector, SchedulingStore store, RedisGate redis, ILogger<ReadModelSync> log) : IReadModelSync
{
    /// <summary>After an appointment change, in a request (committed: it finishes even if the caller has gone).</summary>
    public Task RangesChangedAsync(BusinessId businessId, IEnumerable<StaffRange> ranges) =>
        GuardAsync(() => ProjectRangesAsync(businessId, ranges, CancellationToken.None));

    /// <summary>After a schedule change of one staff member, in a request.</summary>
    public Task StaffChangedAsync(BusinessId businessId, Guid staffId) =>
        GuardAsync(() => ProjectStaffAsync(businessId, staffId, CancellationToken.None));

    /// <summary>The local days the occupied ranges touch. False when Redis did not take them.</summary>
    public async Task<bool> ProjectRangesAsync(BusinessId businessId, IEnumerable<StaffRange> ranges, CancellationToken ct)
    {
        var business = await store.BusinessAsync(businessId, ct);
        if (business is null) return true;
        var stored = true;
        foreach (var group in ranges.GroupBy(r => r.StaffId))
        {
            var dates = group.SelectMany(r => Bookability.DaysTouching(r.Occupied, business.Zone)).Select(d => d.Date).Distinct().ToList();
            stored &= (await projector.ProjectAsync(business, [new StaffId(group.Key)], dates, ct)).Stored;
        }
        return stored;
    }

    /// <summary>Every day of the horizon of one staff member. False when Redis did not take them.</summary>
    public async Task<bool> ProjectStaffAsync(BusinessId businessId, Guid staffId, CancellationToken ct)
    {
        var business = await store.BusinessAsync(businessId, ct);
        if (business is null) return true;
        return (await projector.ProjectAsync(business, [new StaffId(staffId)], projector.Horizon(business), ct)).Stored;
    }

    private async Task GuardAsync(Func<Task<bool>> sync)
    {
        try
        {
            if (await sync()) return;
            redis.MarkCaughtUp(false);
        }
        catch (Exception e)
        {
            redis.MarkCaughtUp(false);
            log.LogWarning(e, "Read model not updated after commit; the outbox projector will catch up");
        }
    }
}
