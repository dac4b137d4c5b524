using FastBooking.Domain.Staff;
using NodaTime;

namespace FastBooking.Domain.Appointments;

/// <summary>An active (confirmed) appointment as the scheduler sees it: who, when, and the buffered range it blocks.</summary>
public sealed record Appointment(AppointmentId Id, StaffId StaffId, Interval Booked, Interval Occupied);
