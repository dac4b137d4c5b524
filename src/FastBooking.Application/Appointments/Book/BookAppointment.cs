using FastBooking.Application.Common;
using FastBooking.Application.Idempotency;
using FastBooking.Domain.Businesses;
using NodaTime;

namespace FastBooking.Application.Appointments.Book;

/// <summary>Book a service at a start, with a named staff member or anyone who performs it, optionally confirming a hold.</summary>
public sealed record BookAppointment(
    BusinessId Business, Guid ServiceId, Guid? StaffId, Instant Start, Customer Customer, string? Notes, string? HoldToken,
    IdempotencyKey? IdempotencyKey) : IRangeChange;
