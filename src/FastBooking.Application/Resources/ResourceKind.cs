using FastBooking.Application.Common;
using NodaTime;

namespace FastBooking.Application.Resources;

/// <summary>A kind of shared resource of a business (basin, colour chair, treatment room) with its units in number order.</summary>
public sealed record ResourceKind(Guid Id, string Name, IReadOnlyList<ResourceUnit> Units)
{
    public const int MaxUnits = 50;

    public static readonly Error NotFound = Error.NotFound("No such resource kind.");

    public static readonly Error UnknownKind = Error.Validation("resource.kindId", "must be a resource kind of this business");
}

/// <summary>One unit of a kind, numbered from 1: what a booking is given.</summary>
public sealed record ResourceUnit(Guid Id, int Number)
{
    public static readonly Error NotFound = Error.NotFound("No such resource unit.");
}

/// <summary>A period a unit is out of service: nothing is offered, held or booked on it then.</summary>
public sealed record ResourceOutage(Guid Id, Guid UnitId, Interval Period, string? Reason);
