using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Resources;

/// <summary>Resource kinds, units and outages in PostgreSQL; writes join the request's unit of work.</summary>
public interface IResourceStore
{
    void AddKind(BusinessId business, ResourceKind kind, NodaTime.Instant now);

    Task<IReadOnlyList<ResourceKind>> ListKindsAsync(BusinessId business, CancellationToken ct);

    /// <summary>Whether the unit is one of the business's.</summary>
    Task<bool> IsUnitAsync(BusinessId business, Guid unitId, CancellationToken ct);

    void AddOutage(ResourceOutage outage);

    /// <summary>False when the unit has no such outage.</summary>
    Task<bool> RemoveOutageAsync(Guid unitId, Guid outageId, CancellationToken ct);
}
