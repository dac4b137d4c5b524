using FastBooking.Domain.Businesses;
using FastBooking.Domain.Holds;
using NodaTime;

namespace FastBooking.Application.Holds.Place;

/// <summary>Hold a service's start for the business's hold TTL, with a named staff member or anyone who performs it.</summary>
public sealed record PlaceHold(BusinessId Business, Guid ServiceId, Guid? StaffId, Instant Start);

public sealed record PlacedHold(Hold Hold, DateTimeZone Zone);
