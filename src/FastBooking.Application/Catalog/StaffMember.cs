using FastBooking.Application.Common;

namespace FastBooking.Application.Catalog;

/// <summary>An active staff member of a business.</summary>
public sealed record StaffMember(Guid Id, string Name)
{
    /// <summary>The answer for an id that is not one of the business's active staff (unknown, malformed, another's, deactivated).</summary>
    public static readonly Error NotFound = Error.NotFound("No such staff member.");
}
