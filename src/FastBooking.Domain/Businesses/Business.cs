using NodaTime;

namespace FastBooking.Domain.Businesses;

/// <summary>A tenant: its schedules are local to <see cref="Zone"/>, its moments stored as instants.</summary>
public sealed record Business(BusinessId Id, string Name, DateTimeZone Zone, BookingRules Rules);
