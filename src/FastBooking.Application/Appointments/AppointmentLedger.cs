using FastBooking.Application.Common;

namespace FastBooking.Application.Appointments;

/// <summary>
/// The one writer of appointment changes: the row, its history and the outbox event, in the change's transaction.
/// </summary>
public sealed class AppointmentLedger(IAppointmentStore store)
{
    /// <summary>False when a concurrent booking took the range since it was read.</summary>
    public async Task<bool> BookAsync(AppointmentRecord appointment, ChangeContext context, CancellationToken ct)
    {
        if (!await store.TryInsertAsync(appointment, ct)) return false;
        Write(appointment, "booked", context, appointment.Range);
        return true;
    }

    public void Cancel(AppointmentRecord appointment, ChangeContext context)
    {
        store.Update(appointment);
        Write(appointment, "cancelled", context, appointment.Range);
    }

    /// <summary>One UPDATE moves the range: the old one is never free while the new one is not yet ours.</summary>
    public void Reschedule(AppointmentRecord before, AppointmentRecord after, ChangeContext context)
    {
        store.Update(after);
        Write(after, "rescheduled", context, before.Range, after.Range);
    }

    private void Write(AppointmentRecord appointment, string change, ChangeContext context, params StaffRange[] ranges)
    {
        store.AddHistory(appointment, change, context.Now);
        context.Record(new AppointmentChanged(appointment.Business, appointment.Id, ranges));
    }
}
