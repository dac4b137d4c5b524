using FastBooking.Application.Resources;
using FastBooking.Domain.Businesses;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FastBooking.Infrastructure.Resources;

/// <summary>Resource kinds, units and outages in PostgreSQL, through the request's <see cref="FastBookingDb"/>.</summary>
public sealed class ResourceStore(FastBookingDb db) : IResourceStore
{
    public void AddKind(BusinessId business, ResourceKind kind, Instant now) => db.ResourceKinds.Add(new ResourceKindRow
    {
        Id = kind.Id, BusinessId = business.Value, Name = kind.Name, CreatedAt = now,
        Units = kind.Units.Select(u => new ResourceUnitRow { Id = u.Id, KindId = kind.Id, BusinessId = business.Value, Number = u.Number }).ToList(),
    });

    public async Task<IReadOnlyList<ResourceKind>> ListKindsAsync(BusinessId business, CancellationToken ct) =>
        (await db.ResourceKinds.AsNoTracking().Include(k => k.Units).Where(k => k.BusinessId == business.Value).OrderBy(k => k.Id).ToListAsync(ct))
        .Select(k => new ResourceKind(k.Id, k.Name, k.Units.OrderBy(u => u.Number).Select(u => new ResourceUnit(u.Id, u.Number)).ToList()))
        .ToList();

    public Task<bool> IsUnitAsync(BusinessId business, Guid unitId, CancellationToken ct) =>
        db.ResourceUnits.AnyAsync(u => u.Id == unitId && u.BusinessId == business.Value, ct);

    public void AddOutage(ResourceOutage outage) =>
        db.ResourceOutages.Add(new ResourceOutageRow { Id = outage.Id, UnitId = outage.UnitId, Period = outage.Period, Reason = outage.Reason });

    public async Task<bool> RemoveOutageAsync(Guid unitId, Guid outageId, CancellationToken ct)
    {
        var row = await db.ResourceOutages.FirstOrDefaultAsync(o => o.Id == outageId && o.UnitId == unitId, ct);
        if (row is null) return false;
        db.ResourceOutages.Remove(row);
        return true;
    }
}
