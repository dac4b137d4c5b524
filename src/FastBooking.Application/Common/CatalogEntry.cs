using FastBooking.Domain.Businesses;
using FastBooking.Domain.Services;

namespace FastBooking.Application.Common;

/// <summary>
/// What every scheduling request reads first: the business, one of its active services with the active staff who
/// perform it (null when there is no such service), and whether a named staff member is one of its active staff.
/// </summary>
public sealed record CatalogEntry(Business Business, Service? Service, bool StaffKnown)
{
    /// <summary>The service, when it exists and the named staff member (if any) is the business's.</summary>
    public Service? ServiceFor(Guid? staffId) => staffId is not null && !StaffKnown ? null : Service;
}
