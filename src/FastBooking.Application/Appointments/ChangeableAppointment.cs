using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;
using NodaTime;

namespace FastBooking.Application.Appointments;

/// <summary>
/// The one check before a cancel or a reschedule: the appointment exists, is locked, is still the version the client
/// read (when it says which, with If-Match), is confirmed, and is before its cut-off.
/// </summary>
public sealed class ChangeableAppointment(IAppointmentStore store)
{
    /// <param name="change">How the change reads in a refusal: "cancelled", "rescheduled".</param>
    public async Task<(AppointmentRecord? Appointment, Error? Refusal)> LockAsync(
        BusinessId business, Guid id, int? expectedVersion, Instant now, Duration cutoff, ErrorCode cutoffCode, string change, CancellationToken ct)
    {
        var appointment = await store.LockAsync(business, id, ct);
        if (appointment is null) return (null, Error.NotFound($"No appointment {id}."));
        if (expectedVersion is { } expected && expected != appointment.Version)
            return (null, new Error(ErrorCode.VersionMismatch, $"The appointment is at version {appointment.Version}, not {expected}: read it again."));
        if (appointment.Status != AppointmentStatus.Confirmed)
            return (null, new Error(ErrorCode.AlreadyCancelled, $"The appointment is cancelled: it cannot be {change}."));
        if (now > appointment.Booked.Start - cutoff)
            return (null, new Error(cutoffCode, $"It can be {change} until {(long)cutoff.TotalMinutes} minutes before its start."));
        return (appointment, null);
    }
}
