using FastBooking.Domain.Businesses;
using FastBooking.Domain.Visits;
using NodaTime;

namespace FastBooking.Application.Availability.FindVisit;

/// <summary>One service of a visit, with a named staff member or (null) anyone who performs it.</summary>
public sealed record VisitItem(Guid ServiceId, Guid? StaffId);

/// <summary>Bookable visits — services in sequence — on business-local dates; with <see cref="SameStaff"/> one staff member takes every item.</summary>
public sealed record FindVisitAvailability(BusinessId Business, IReadOnlyList<VisitItem> Items, bool SameStaff, DateInterval Dates, ReadPath Path = ReadPath.Auto);

public sealed record AvailableVisits(Business Business, VisitSearch Search, IReadOnlyList<VisitSlot> Slots, ReadPath ServedBy);
