using FastBooking.Application.Common;
using FastBooking.Domain.Services;

namespace FastBooking.Application.Catalog;

/// <summary>Who performs a service, with a duration of their own when they take longer or shorter.</summary>
public sealed record Performer(Guid StaffId, int? DurationMinutes);

/// <summary>A service as the business defines it: what it takes, in which phases, and who performs it.</summary>
public sealed record ServiceDefinition(
    string Name, int DurationMinutes, int BufferBeforeMinutes, int BufferAfterMinutes, decimal? Price, IReadOnlyList<Performer> Staff,
    IReadOnlyList<ServicePhase> Phases)
{
    public static readonly Error UnknownStaff = Error.Validation("staff", "every staff id must be an active staff member of this business");

    public IReadOnlyList<Guid> StaffIds => Staff.Select(s => s.StaffId).ToList();
}

/// <summary>An active service of a business.</summary>
public sealed record ServiceRecord(Guid Id, ServiceDefinition Definition)
{
    /// <summary>The answer for an id that is not one of the business's active services.</summary>
    public static readonly Error NotFound = Error.NotFound("No such service.");
}
