using FastBooking.Application.Catalog;
using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Persistence.Rows;
using FastBooking.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FastBooking.Infrastructure.Catalog;

/// <summary>Businesses, staff and services in PostgreSQL, through the request's <see cref="FastBookingDb"/>.</summary>
public sealed class CatalogStore(FastBookingDb db) : ICatalogStore
{
    public void AddBusiness(Business business, Instant now)
    {
        var row = new BusinessRow { Id = business.Id.Value, Name = business.Name, TimeZone = business.Zone.Id, CreatedAt = now };
        row.SetRules(business.Rules);
        db.Businesses.Add(row);
    }

    public async Task SetRulesAsync(BusinessId business, BookingRules rules, CancellationToken ct) =>
        (await db.Businesses.SingleAsync(b => b.Id == business.Value, ct)).SetRules(rules);

    public void AddStaff(BusinessId business, StaffMember staff, Instant now) =>
        db.Staff.Add(new StaffRow { Id = staff.Id, BusinessId = business.Value, Name = staff.Name, Active = true, CreatedAt = now });

    public Task<StaffMember?> FindStaffAsync(BusinessId business, Guid id, CancellationToken ct) =>
        ActiveStaff(business).Where(s => s.Id == id).Select(s => new StaffMember(s.Id, s.Name)).FirstOrDefaultAsync(ct);

    public async Task<Page<StaffMember>> ListStaffAsync(BusinessId business, PageRequest page, CancellationToken ct)
    {
        var staff = page.After is { } after ? db.Staff.FromSql($"SELECT * FROM staff WHERE id > {after.Id}") : db.Staff;
        var read = await staff.AsNoTracking().Where(s => s.BusinessId == business.Value && s.Active)
            .OrderBy(s => s.Id).Take(page.Limit + 1).Select(s => new StaffMember(s.Id, s.Name)).ToListAsync(ct);
        return Page<StaffMember>.Of(read, page, s => new PageCursor(0, s.Id));
    }

    public async Task<bool> AreActiveStaffAsync(BusinessId business, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await ActiveStaff(business).CountAsync(s => ids.Contains(s.Id), ct) == ids.Count;

    public Task<bool> IsResourceKindAsync(BusinessId business, Guid kindId, CancellationToken ct) =>
        db.ResourceKinds.AnyAsync(k => k.Id == kindId && k.BusinessId == business.Value, ct);

    public void AddService(BusinessId business, ServiceRecord service, Instant now)
    {
        var row = new ServiceRow { Id = service.Id, BusinessId = business.Value, Name = service.Definition.Name, Active = true, CreatedAt = now };
        Define(row, service.Definition);
        db.Services.Add(row);
    }

    public async Task<ServiceRecord?> FindServiceAsync(BusinessId business, Guid id, CancellationToken ct)
    {
        var row = await db.Services.Include(s => s.Staff).FirstOrDefaultAsync(s => s.Id == id && s.BusinessId == business.Value && s.Active, ct);
        return row is null ? null : ToRecord(row);
    }

    public async Task<Page<ServiceRecord>> ListServicesAsync(BusinessId business, PageRequest page, CancellationToken ct)
    {
        var services = page.After is { } after ? db.Services.FromSql($"SELECT * FROM services WHERE id > {after.Id}") : db.Services;
        var rows = await services.AsNoTracking().Include(s => s.Staff)
            .Where(s => s.BusinessId == business.Value && s.Active).OrderBy(s => s.Id).Take(page.Limit + 1).ToListAsync(ct);
        return Page<ServiceRecord>.Of(rows.Select(ToRecord).ToList(), page, s => new PageCursor(0, s.Id));
    }

    public void UpdateService(ServiceRecord service) => Define(db.Services.Local.Single(s => s.Id == service.Id), service.Definition);

    public void DeleteService(Guid id) => db.Services.Local.Single(s => s.Id == id).Active = false;

    private IQueryable<StaffRow> ActiveStaff(BusinessId business) =>
        db.Staff.AsNoTracking().Where(s => s.BusinessId == business.Value && s.Active);

    private static void Define(ServiceRow row, ServiceDefinition definition)
    {
        row.Name = definition.Name;
        row.DurationMinutes = definition.DurationMinutes;
        row.BufferBeforeMinutes = definition.BufferBeforeMinutes;
        row.BufferAfterMinutes = definition.BufferAfterMinutes;
        row.Price = definition.Price;
        row.PhaseMinutes = definition.Phases.Select(p => p.Minutes).ToArray();
        row.PhaseStaffBusy = definition.Phases.Select(p => p.StaffBusy).ToArray();
        row.ResourceKindId = definition.Resource?.KindId;
        row.ResourcePhase = definition.Resource?.Phase;
        row.Staff.Clear();
        row.Staff.AddRange(definition.Staff.Select(s =>
            new ServiceStaffRow { ServiceId = row.Id, StaffId = s.StaffId, DurationMinutes = s.DurationMinutes }));
    }

    private static ServiceRecord ToRecord(ServiceRow s) => new(s.Id, new ServiceDefinition(
        s.Name, s.DurationMinutes, s.BufferBeforeMinutes, s.BufferAfterMinutes, s.Price,
        s.Staff.Select(p => new Performer(p.StaffId, p.DurationMinutes)).ToList(), RowMapping.PhasesOf(s.PhaseMinutes, s.PhaseStaffBusy),
        s.ResourceKindId is { } kind ? new ServiceResource(kind, s.ResourcePhase) : null));
}
