using FastBooking.Domain.Staff;
using NodaTime;

namespace FastBooking.Domain.Appointments;

/// <summary>
/// An active (confirmed) appointment as the scheduler sees it: who, when, and what it keeps the staff member busy with
/// (the buffers and busy phases, in order; a processing phase leaves a gap).
/// </summary>
public sealed record Appointment(AppointmentId Id, StaffId StaffId, Interval Booked, IReadOnlyList<Interval> Busy);
