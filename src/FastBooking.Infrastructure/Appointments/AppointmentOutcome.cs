using FastBooking.Domain.Businesses;
using FastBooking.Infrastructure.Persistence.Rows;

namespace FastBooking.Infrastructure.Appointments;

/// <summary>What a booking change came to: done, refused for a stable reason, or a replay of an earlier identical request.</summary>
public abstract record AppointmentOutcome
{
    public sealed record Done(AppointmentRow Appointment, Business Business) : AppointmentOutcome;
    public sealed record Refused(string Code, string Detail) : AppointmentOutcome;
    public sealed record Replayed(int StatusCode, string Body) : AppointmentOutcome;
}
