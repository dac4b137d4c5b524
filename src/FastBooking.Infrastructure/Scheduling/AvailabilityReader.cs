using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using NodaTime;

namespace FastBooking.Infrastructure.Scheduling;

/// <summary>
/// Availability and explain answered from PostgreSQL through the domain engine (the direct path).
/// </summary>
public sealed class AvailabilityReader(SchedulingStore store, IClock clock)
{
    public sealed record Answer(Business Business, Service Service, IReadOnlyList<Slot> Slots);

    public sealed record Explanation(Business Business, IReadOnlyList<Reason> Reasons);

    /// <returns>null when the service or staff member is not the business's.</returns>
    public async Task<Answer?> FindAsync(BusinessId businessId, Guid serviceId, Guid? staffId, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var business = await store.BusinessAsync(businessId, ct);
        var service = await store.ServiceAsync(businessId, serviceId, ct);
        if (business is null || service is null) return null;
        if (staffId is { } one && !await store.StaffExistsAsync(businessId, one, ct)) return null;

        var search = new SlotSearch(business, service, staffId is { } s ? [new StaffId(s)] : service.Staff.ToList(), from, to);
        var staff = search.QualifiedStaff();
        if (staff.Count == 0) return new Answer(business, service, []);
        var span = new Interval(LocalDay.Of(from.PlusDays(-1), business.Zone).Start, LocalDay.Of(to.PlusDays(1), business.Zone).End);
        var state = await store.StateAsync(business, staff, span, ct);
        return new Answer(business, service, AvailabilityEngine.Find(search, state, clock.GetCurrentInstant()));
    }

    public async Task<Explanation?> ExplainAsync(BusinessId businessId, Guid serviceId, Guid staffId, Instant start, CancellationToken ct)
    {
        var business = await store.BusinessAsync(businessId, ct);
        var service = await store.ServiceAsync(businessId, serviceId, ct);
        if (business is null || service is null || !await store.StaffExistsAsync(businessId, staffId, ct)) return null;
        var staff = new StaffId(staffId);
        var around = Duration.FromDays(3);
        var state = await store.StateAsync(business, [staff], new Interval(start - around, start + around), ct);
        return new Explanation(business, Bookability.Explain(state, service, staff, start, clock.GetCurrentInstant()));
    }
}
