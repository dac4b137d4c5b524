using FastBooking.Application.Appointments;
using FastBooking.Application.Common;
using FastBooking.Application.Idempotency;
using FastBooking.Domain.Businesses;
using NodaTime;

namespace FastBooking.Application.Visits.Book;

/// <summary>One service of a visit, with a named staff member or (null) anyone who performs it.</summary>
public sealed record VisitItem(Guid ServiceId, Guid? StaffId);

/// <summary>Book several services in sequence from a start, each starting when the one before ends, in one transaction.</summary>
public sealed record BookVisit(
    BusinessId Business, IReadOnlyList<VisitItem> Items, bool SameStaff, Instant Start, Customer Customer, string? Notes,
    IdempotencyKey? IdempotencyKey) : IRangeChange;
