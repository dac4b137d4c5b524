using FastBooking.Application.Common;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;

namespace FastBooking.Application.Appointments.Book;

/// <summary>
/// Re-checks the rules against committed state, then walks the bookable staff in any-staff policy order: the first
/// whose range it can reserve and insert gets the appointment (a concurrent booking of one staff member's range lets
/// "any" fall through to the next). A service that needs a resource gets the first unit free in PostgreSQL that it can
/// reserve in Redis (concurrent bookings spread over the units). The exclusion constraints have the last word.
/// </summary>
public sealed class BookAppointmentHandler(
    ISchedulingReader reader, AppointmentLedger ledger, HoldConfirmation holdConfirmation, Reservations reservationDesk) : IChangeHandler<BookAppointment, AppointmentAnswer>
{
    public async Task<Outcome<AppointmentAnswer>> HandleAsync(BookAppointment command, ChangeContext context, CancellationToken ct)
    {
        var found = await reader.CatalogAsync(command.Business, command.ServiceId, command.StaffId, ct);
        if (found?.Service is not { } service) return Error.NotFound($"No service {command.ServiceId}.");
        if (command.StaffId is { } named && !found.StaffKnown) return Error.NotFound($"No staff {named}.");
        var business = found.Business;
        var (hold, refusal) = await holdConfirmation.ConfirmAsync(command.Business, command.HoldToken, command.ServiceId, command.StaffId, command.Start, context, ct);
        if (refusal is not null) return refusal;
        List<StaffId> candidates = hold is not null ? [hold.StaffId] : command.StaffId is { } s ? [new StaffId(s)] : service.Staff.ToList();
        if (candidates.Count == 0) return Refusals.NobodyPerforms;

        var state = await reader.StateAroundAsync(business, service.CalendarsOf(candidates), command.Start, ct);
        var refusals = new List<Error>();
        var bookable = new List<StaffId>();
        foreach (var staff in candidates)
        {
            var reasons = Bookability.Explain(state, service, staff, command.Start, context.Now);
            if (reasons.Count == 0) bookable.Add(staff); else refusals.Add(Refusals.FromReasons(reasons));
        }

        var reservations = reservationDesk.Open(command.Business, context);
        var day = LocalDay.Of(command.Start.InZone(business.Zone).Date, business.Zone);
        foreach (var staff in AnyStaffPolicy.InOrder(bookable, state.Appointments, day))
        {
            var appointment = New(command, service, staff, context);
            if (hold is null && await reservations.ReserveAsync(appointment, context.Now, ct) is { } taken)
            {
                refusals.Add(taken);
                continue;
            }
            if (service.Resource is not null)
            {
                var units = Bookability.FreeUnits(state, service, staff, command.Start, context.Now);
                if (await reservations.FirstUnitAsync(appointment, units, service.ResourceAt(command.Start, staff), context.Now) is not { } withUnit)
                {
                    refusals.Add(Refusals.UnitsTaken);
                    continue;
                }
                appointment = withUnit;
            }
            // Handed over before the insert, so that the staff member's row lock the insert takes is held only until
            // the commit; undone when the booking does not commit.
            var standsIn = await reservations.HandOverAsync(appointment, hold, context);
            if (await ledger.BookAsync(appointment, context, ct) is { } booked)
            {
                if (standsIn) reservations.Keep(appointment, booked, context);
                else if (hold is not null) holdConfirmation.ReleaseOnCommit(command.Business, hold, context);
                return Outcome<AppointmentAnswer>.Made(new AppointmentAnswer(appointment, business.Zone));
            }
            // Taken by a concurrent booking since we read: with "any", the next staff member may still be free.
            refusals.Add(Refusals.JustTaken);
        }
        return Refusals.MostTransient(refusals);
    }

    private static AppointmentRecord New(BookAppointment c, Service service, StaffId staff, ChangeContext context) => new(
        Guid.CreateVersion7(context.Now.ToDateTimeOffset()), c.Business, staff.Value, c.ServiceId, AppointmentStatus.Confirmed,
        service.AppointmentAt(c.Start, staff), service.OccupiedAt(c.Start, staff), service.BusyAt(c.Start, staff), c.Customer, c.Notes, CancelReason: null, Version: 1, CreatedAt: context.Now, UpdatedAt: context.Now);
}
