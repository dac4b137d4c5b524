using NodaTime;

namespace FastBooking.Infrastructure.Appointments;

public sealed record Customer(string Name, string? Phone, string? Email);

public sealed record BookAppointment(Guid ServiceId, Guid? StaffId, Instant Start, Customer Customer, string? Notes, string? HoldToken = null);

public sealed record RescheduleAppointment(Guid AppointmentId, Instant Start, Guid? StaffId, string? HoldToken = null);

public sealed record CancelAppointment(Guid AppointmentId, string? Reason);
