using FastBooking.Application.Common;
using FastBooking.Application.Idempotency;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Holds;
using NodaTime;

namespace FastBooking.Application.Holds.Place;

/// <summary>Hold a service's start for the business's hold TTL, with a named staff member or anyone who performs it.</summary>
/// <remarks>A change only for its Idempotency-Key (a retried hold gets the first hold, not a conflict with it): the hold
/// itself is placed by the Redis script and recorded by a PostgreSQL statement of its own, not through the unit of work
/// (inside the key's transaction when there is one).</remarks>
public sealed record PlaceHold(BusinessId Business, Guid ServiceId, Guid? StaffId, Instant Start, IdempotencyKey? IdempotencyKey = null) : IReadModelChange;

public sealed record PlacedHold(Hold Hold, DateTimeZone Zone);
