using FastBooking.Domain.Staff;
using NodaTime;

namespace FastBooking.Domain.Availability;

/// <summary>A bookable start and end, with every staff member (sorted) for whom exactly that start and end are bookable.</summary>
public sealed record Slot(Instant Start, Instant End, IReadOnlyList<StaffId> StaffIds);
