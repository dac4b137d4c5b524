using FastBooking.Application.Common;
using FastBooking.Application.Idempotency;
using FastBooking.Domain.Businesses;
using NodaTime;

namespace FastBooking.Application.Appointments.Reschedule;

/// <summary>Move an appointment to a new start, optionally to another staff member, optionally confirming a hold.</summary>
/// <param name="ExpectedVersion">The version the client read (If-Match); null: whatever the current one is.</param>
public sealed record RescheduleAppointment(BusinessId Business, Guid AppointmentId, Instant Start, Guid? StaffId, string? HoldToken,
    int? ExpectedVersion, IdempotencyKey? IdempotencyKey) : IRangeChange;
