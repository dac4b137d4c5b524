using FastBooking.Application.Common;

namespace FastBooking.Application.Appointments;

/// <summary>
/// The one writer of appointment changes: the row, its history and the outbox event, in the change's transaction.
/// </summary>
public sealed class AppointmentLedger(IAppointmentStore store)
{
    public const string Booked = "booked";

    /// <summary>The change recorded; null when a concurrent booking took the range since it was read. The hot path:
    /// one statement writes the row, its history and its outbox row.</summary>
    public async Task<AppointmentChanged?> BookAsync(AppointmentRecord appointment, ChangeContext context, CancellationToken ct)
    {
        var change = new AppointmentChanged(appointment.Business, appointment.Id, [.. appointment.Ranges]);
        if (!await store.TryInsertAsync(appointment, change, ct)) return null;
        context.Written(change);
        return change;
    }

    public void Cancel(AppointmentRecord appointment, ChangeContext context)
    {
        store.Update(appointment);
        Write(appointment, "cancelled", context, [.. appointment.Ranges]);
    }

    /// <summary>One UPDATE moves the range: the old one is never free while the new one is not yet ours.</summary>
    public void Reschedule(AppointmentRecord before, AppointmentRecord after, ChangeContext context)
    {
        store.Update(after);
        Write(after, "rescheduled", context, [.. before.Ranges, .. after.Ranges]);
    }

    private void Write(AppointmentRecord appointment, string change, ChangeContext context, IReadOnlyList<StaffRange> ranges)
    {
        store.AddHistory(appointment, change, context.Now);
        context.Record(new AppointmentChanged(appointment.Business, appointment.Id, ranges));
    }
}
