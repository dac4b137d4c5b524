using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;
using NodaTime;

namespace FastBooking.Application.Catalog;

/// <summary>
/// Businesses, their staff and services in PostgreSQL. Writes join the request's unit of work and are written with its
/// next save.
/// </summary>
public interface ICatalogStore
{
    /// <summary>Adds a business (its first API key is added through the key store).</summary>
    void AddBusiness(Business business, Instant now);

    Task SetRulesAsync(BusinessId business, BookingRules rules, CancellationToken ct);

    void AddStaff(BusinessId business, StaffMember staff, Instant now);

    /// <summary>An active staff member of the business; null for any other id.</summary>
    Task<StaffMember?> FindStaffAsync(BusinessId business, Guid id, CancellationToken ct);

    /// <summary>The business's active staff, in id order, one page at a time.</summary>
    Task<Page<StaffMember>> ListStaffAsync(BusinessId business, PageRequest page, CancellationToken ct);

    /// <summary>Whether the ids name as many active staff members of the business as there are ids.</summary>
    Task<bool> AreActiveStaffAsync(BusinessId business, IReadOnlyCollection<Guid> ids, CancellationToken ct);

    Task<bool> IsResourceKindAsync(BusinessId business, Guid kindId, CancellationToken ct);

    void AddService(BusinessId business, ServiceRecord service, Instant now);

    /// <summary>An active service of the business, tracked so that an update or delete can follow; null for any other id.</summary>
    Task<ServiceRecord?> FindServiceAsync(BusinessId business, Guid id, CancellationToken ct);

    /// <summary>The business's active services, in id order, one page at a time.</summary>
    Task<Page<ServiceRecord>> ListServicesAsync(BusinessId business, PageRequest page, CancellationToken ct);

    /// <summary>Writes a found service's new definition, its staff list replaced.</summary>
    void UpdateService(ServiceRecord service);

    /// <summary>Retires a found service: no new bookings; existing appointments keep it.</summary>
    void DeleteService(Guid id);
}
