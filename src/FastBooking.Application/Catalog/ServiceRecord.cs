using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Services;

namespace FastBooking.Application.Catalog;

/// <summary>Who performs a service, with a duration of their own when they take longer or shorter.</summary>
public sealed record Performer(Guid StaffId, int? DurationMinutes);

/// <summary>The resource kind a service needs a unit of, for the whole service or one phase (from 0).</summary>
public sealed record ServiceResource(Guid KindId, int? Phase);

/// <summary>A service as the business defines it: what it takes, in which phases, who performs it, what it needs.</summary>
public sealed record ServiceDefinition(
    string Name, int DurationMinutes, int BufferBeforeMinutes, int BufferAfterMinutes, decimal? Price, IReadOnlyList<Performer> Staff,
    IReadOnlyList<ServicePhase> Phases, ServiceResource? Resource = null)
{
    public static readonly Error UnknownStaff = Error.Validation("staff", "every staff id must be an active staff member of this business");

    public IReadOnlyList<Guid> StaffIds => Staff.Select(s => s.StaffId).ToList();

    /// <summary>Why the business cannot have this service (null: it can): staff or a resource kind not its own.</summary>
    public async Task<Error?> ProblemAsync(ICatalogStore store, BusinessId business, CancellationToken ct)
    {
        if (!await store.AreActiveStaffAsync(business, StaffIds, ct)) return UnknownStaff;
        if (Resource is { } need && !await store.IsResourceKindAsync(business, need.KindId, ct)) return Resources.ResourceKind.UnknownKind;
        return null;
    }
}

/// <summary>An active service of a business.</summary>
public sealed record ServiceRecord(Guid Id, ServiceDefinition Definition)
{
    /// <summary>The answer for an id that is not one of the business's active services.</summary>
    public static readonly Error NotFound = Error.NotFound("No such service.");
}
