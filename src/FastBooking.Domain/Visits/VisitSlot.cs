using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using NodaTime;

namespace FastBooking.Domain.Visits;

/// <summary>
/// A bookable visit: its start and end, and for each item in order its times and the staff who could take it. Items
/// are independent: any one of each item's staff may be chosen (with "same staff", the lists are the same).
/// </summary>
public sealed record VisitSlot(Instant Start, Instant End, IReadOnlyList<VisitSlotItem> Items);

/// <summary>One item of a <see cref="VisitSlot"/>: the service, its appointment times and its staff in id order.</summary>
public sealed record VisitSlotItem(ServiceId ServiceId, Instant Start, Instant End, IReadOnlyList<StaffId> StaffIds);
