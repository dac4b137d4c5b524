using FastBooking.Application.Common;
using FastBooking.Domain.Appointments;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Staff;

namespace FastBooking.Application.Appointments.Reschedule;

/// <summary>
/// Moves a confirmed appointment (same id, version + 1) before its reschedule cut-off: the new start is checked as a
/// booking would be, ignoring the appointment's own range, and one UPDATE moves it, so the move is atomic. A service
/// that needs a resource keeps its unit when that is free at the new time, else gets the first one free.
/// </summary>
public sealed class RescheduleAppointmentHandler(
    ISchedulingReader reader, ChangeableAppointment changeable, AppointmentLedger ledger, HoldConfirmation holdConfirmation,
    Reservations reservationDesk) : IChangeHandler<RescheduleAppointment, AppointmentAnswer>
{
    public async Task<Outcome<AppointmentAnswer>> HandleAsync(RescheduleAppointment command, ChangeContext context, CancellationToken ct)
    {
        var current = await reader.BusinessAsync(command.Business, ct) ?? throw new InvalidOperationException("Authenticated business is missing.");
        var (appointment, refused) = await changeable.LockAsync(command.Business, command.AppointmentId, command.ExpectedVersion, context.Now,
            current.Rules.RescheduleCutoff, ErrorCode.RescheduleCutoff, "rescheduled", ct);
        if (appointment is null) return refused!;
        var (hold, refusal) = await holdConfirmation.ConfirmAsync(command.Business, command.HoldToken, appointment.ServiceId, command.StaffId, command.Start, context, ct);
        if (refusal is not null) return refusal;
        if (hold is not null) holdConfirmation.ReleaseOnCommit(command.Business, hold, context);
        var staffId = hold?.StaffId.Value ?? command.StaffId ?? appointment.StaffId;
        var found = await reader.CatalogAsync(command.Business, appointment.ServiceId, staffId, ct);
        if (found?.Service is not { } service) return Error.NotFound($"No service {appointment.ServiceId}.");
        if (!found.StaffKnown) return Error.NotFound($"No staff {staffId}.");
        var business = found.Business;
        var staff = new StaffId(staffId);

        var state = await reader.StateAroundAsync(business, service.CalendarsOf([staff]), command.Start, ct);
        var itself = new AppointmentId(appointment.Id);
        var reasons = Bookability.Explain(state, service, staff, command.Start, context.Now, rescheduling: itself);
        if (reasons.Count > 0) return Refusals.FromReasons(reasons);

        var moved = (appointment with
        {
            StaffId = staffId, Booked = service.AppointmentAt(command.Start, staff), Occupied = service.OccupiedAt(command.Start, staff),
            Busy = service.BusyAt(command.Start, staff),
        }).WithUnit(null, null);
        var reservations = reservationDesk.Open(command.Business, context);
        if (hold is null && await reservations.ReserveAsync(moved, context.Now, ct) is { } taken) return taken;
        if (service.Resource is not null)
        {
            // Its own unit first when it is free at the new time, then the others in number order.
            var units = Bookability.FreeUnits(state, service, staff, command.Start, context.Now, rescheduling: itself)
                .OrderBy(u => u.Value == appointment.ResourceUnitId ? 0 : 1);
            if (await reservations.FirstUnitAsync(moved, units, service.ResourceAt(command.Start, staff), context.Now) is not { } withUnit)
                return Refusals.UnitsTaken;
            moved = withUnit;
        }
        moved = moved with { Version = moved.Version + 1, UpdatedAt = context.Now };
        ledger.Reschedule(appointment, moved, context);
        return new AppointmentAnswer(moved, business.Zone);
    }
}
