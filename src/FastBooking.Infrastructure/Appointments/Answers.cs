using FastBooking.Domain.Businesses;
using FastBooking.Infrastructure.Persistence.Rows;

namespace FastBooking.Infrastructure.Appointments;

/// <summary>
/// How the API words a booking change's answers, so that the answer stored for an Idempotency-Key is, byte for byte,
/// the one the first request was sent.
/// </summary>
public sealed record Answers(
    Func<AppointmentRow, Business, string> Success,
    Func<AppointmentOutcome.Refused, (int Status, string Body)> Refusal);
