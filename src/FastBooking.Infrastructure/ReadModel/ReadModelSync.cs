using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Staff;
using FastBooking.Infrastructure.Scheduling;
using NodaTime;

namespace FastBooking.Infrastructure.ReadModel;

/// <summary>
/// Read-your-writes: right after a change commits, the request itself re-projects the staff-days it touched, so the
/// next availability answer already shows it. The outbox projector remains the durable catch-up when this fails.
/// </summary>
public sealed class ReadModelSync(StaffProjector projector, SchedulingStore store)
{
    /// <summary>After an appointment change: the local days its occupied ranges touch.</summary>
    public async Task RangesChangedAsync(BusinessId businessId, IEnumerable<(Guid StaffId, Interval Occupied)> ranges, CancellationToken ct)
    {
        var business = await store.BusinessAsync(businessId, ct);
        if (business is null) return;
        foreach (var group in ranges.GroupBy(r => r.StaffId))
        {
            var dates = group.SelectMany(r => Bookability.DaysTouching(r.Occupied, business.Zone)).Select(d => d.Date).Distinct().ToList();
            await ProjectAsync(business, [new StaffId(group.Key)], dates, ct);
        }
    }

    /// <summary>After a schedule change of one staff member: every day of the horizon.</summary>
    public async Task StaffChangedAsync(BusinessId businessId, Guid staffId, CancellationToken ct)
    {
        var business = await store.BusinessAsync(businessId, ct);
        if (business is null) return;
        await ProjectAsync(business, [new StaffId(staffId)], projector.Horizon(business), ct);
    }

    private Task ProjectAsync(Business business, IReadOnlyCollection<StaffId> staff, IReadOnlyCollection<LocalDate> dates, CancellationToken ct) =>
        projector.ProjectAsync(business, staff, dates, ct);
}
