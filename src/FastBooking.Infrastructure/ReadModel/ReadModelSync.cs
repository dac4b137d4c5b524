using FastBooking.Application.Common;
using FastBooking.Application.Holds;
using FastBooking.Application.ReadModel;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Staff;
using FastBooking.Infrastructure.Scheduling;
using Microsoft.Extensions.Logging;

namespace FastBooking.Infrastructure.ReadModel;

/// <summary>
/// Re-projects what a change touched. Requests call it right after their commit (read-your-writes): the change is
/// committed by then, so a failure there never fails the request — the outbox projector, the durable catch-up, applies
/// the same change within its lag. The projector itself needs to know of failures, to stop before moving on.
/// </summary>
public sealed class ReadModelSync(StaffProjector projector, SchedulingStore store, HoldStore holds, ILogger<ReadModelSync> log) : IReadModelSync
{
    /// <summary>After a change commits, in a request (committed: it finishes even if the caller has gone).</summary>
    public Task CommittedAsync(BusinessId business, IReadOnlyCollection<ChangeEvent> changes) =>
        GuardAsync(() => ApplyAsync(business, changes, CancellationToken.None));

    /// <summary>
    /// Applies committed changes of one business at once: every staff-day (and resource-unit-day) they touch is projected once (a schedule
    /// or outage change: the staff member's or unit's whole horizon), all from one snapshot. False when Redis did not take it. Rules and
    /// catalog changes leave bitmaps as they are (rules are applied when bitmaps are read; a longer booking window is
    /// filled in on demand).
    /// </summary>
    public async Task<bool> ApplyAsync(BusinessId businessId, IReadOnlyCollection<ChangeEvent> changes, CancellationToken ct)
    {
        if (!changes.Any(c => c is AppointmentChanged or ScheduleChanged or ResourceChanged)) return true;
        var business = await store.BusinessAsync(businessId, ct);
        if (business is null) return true;
        var wanted = new Dictionary<StaffId, HashSet<NodaTime.LocalDate>>();
        HashSet<NodaTime.LocalDate> DatesOf(Guid staff) =>
            wanted.TryGetValue(new StaffId(staff), out var dates) ? dates : wanted[new StaffId(staff)] = [];
        foreach (var change in changes)
            switch (change)
            {
                case AppointmentChanged a:
                    foreach (var range in a.Ranges)
                        DatesOf(range.StaffId).UnionWith(Bookability.DaysTouching(range.Busy, business.Zone).Select(d => d.Date));
                    break;
                case ScheduleChanged s:
                    DatesOf(s.StaffId).UnionWith(projector.Horizon(business));
                    break;
                case ResourceChanged r:
                    DatesOf(r.UnitId).UnionWith(projector.Horizon(business));
                    break;
            }
        if (!(await projector.ProjectAsync(business, wanted.ToDictionary(w => w.Key, w => (IReadOnlyCollection<NodaTime.LocalDate>)w.Value), ct)).Stored)
            return false;
        // The bitmaps show the appointments now: a reservation still standing in for one of them (a booking's hand-over)
        // is no longer needed, and must not outlive a cancel or a move.
        return await holds.ReleaseStandInsAsync(businessId, changes.OfType<AppointmentChanged>()
            .SelectMany(a => a.Ranges.Select(r => (new StaffId(r.StaffId), HoldTokens.ReservationOf(a.AppointmentId).Value))).ToList());
    }

    private async Task GuardAsync(Func<Task<bool>> sync)
    {
        try
        {
            if (!await sync()) log.LogDebug("Redis did not take the projection after commit; the outbox projector will apply it");
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Read model not updated after commit; the outbox projector will apply it");
        }
    }
}
