using FastBooking.Application.Appointments;
using FastBooking.Application.Common;
using FastBooking.Application.Holds;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Visits;
using NodaTime;

namespace FastBooking.Application.Visits.Book;

/// <summary>
/// Plans the visit against committed state (<see cref="VisitPlanner"/>: the staff the any-staff policy names for each
/// item, or one for all), then reserves and inserts every item, each with the first unit of its resource it can
/// reserve. All items or none: an item a concurrent booking took since the state was read refuses the visit, and the
/// transaction pipeline rolls back the items already written. The exclusion constraints have the last word.
/// </summary>
public sealed class BookVisitHandler(
    ISchedulingReader reader, IAppointmentStore store, IHoldStore holds, IHoldRecords holdRecords, AppointmentLedger ledger, Reservations reservationDesk)
    : IChangeHandler<BookVisit, VisitAnswer>
{
    public async Task<Outcome<VisitAnswer>> HandleAsync(BookVisit command, ChangeContext context, CancellationToken ct)
    {
        var items = new List<VisitItemSearch>(command.Items.Count);
        Domain.Businesses.Business? business = null;
        foreach (var item in command.Items)
        {
            var found = await reader.CatalogAsync(command.Business, item.ServiceId, item.StaffId, ct);
            if (found?.Service is not { } service) return Error.NotFound($"No service {item.ServiceId}.");
            if (item.StaffId is { } named && !found.StaffKnown) return Error.NotFound($"No staff {named}.");
            business = found.Business;
            items.Add(new VisitItemSearch(service, item.StaffId is { } s ? [new StaffId(s)] : service.Staff.ToList()));
        }
        var calendars = items.SelectMany(i => i.Service.CalendarsOf(i.Staff)).Distinct().ToList();
        // The whole visit's span (its longest way, a day either side), and the live holds: the plan must not choose a
        // stylist someone holds when "any" could take another.
        var longest = items.Aggregate(Duration.Zero, (sum, i) => sum + i.Service.Staff.Select(s => i.Service.OccupiedAt(command.Start, s).Duration)
            .DefaultIfEmpty(Duration.Zero).Max());
        var state = await reader.StateAsync(business!, calendars, new Interval(command.Start - Duration.FromDays(1), command.Start + longest + Duration.FromDays(1)), ct)
            with { Holds = await holds.LiveAsync(command.Business, calendars, context.Now) ?? await holdRecords.LiveAsync(calendars, context.Now, ct) };
        var (plan, reasons) = VisitPlanner.Plan(state, items, command.SameStaff, command.Start, context.Now);
        if (plan is null) return Refusals.FromReasons(reasons);
        // Every staff member's and unit's row in id order before any insert locks them (the version triggers), so that
        // a visit and a booking never wait on each other's rows in opposite orders.
        await store.LockCalendarsAsync(plan.Select(p => p.Staff.Value).ToList(), plan.SelectMany(p => p.FreeUnits).Select(u => u.Value).ToList(), ct);

        var visitId = Guid.CreateVersion7(context.Now.ToDateTimeOffset());
        var reservations = reservationDesk.Open(command.Business, context);
        var booked = new List<AppointmentRecord>(plan.Count);
        foreach (var item in plan)
        {
            var appointment = new AppointmentRecord(Guid.CreateVersion7(context.Now.ToDateTimeOffset()), command.Business, item.Staff.Value,
                item.Service.Id.Value, AppointmentStatus.Confirmed, item.Booked, item.Occupied, item.Busy, command.Customer, command.Notes,
                CancelReason: null, Version: 1, CreatedAt: context.Now, UpdatedAt: context.Now, VisitId: visitId);
            if (await reservations.ReserveAsync(appointment, context.Now, ct) is { } taken) return taken;
            if (item.Service.Resource is not null)
            {
                if (await reservations.FirstUnitAsync(appointment, item.FreeUnits, item.ResourceRange, context.Now) is not { } withUnit)
                    return Refusals.UnitsTaken;
                appointment = withUnit;
            }
            var standsIn = await reservations.HandOverAsync(appointment, null, context);
            if (await ledger.BookAsync(appointment, context, ct) is not { } change) return Refusals.JustTaken;
            if (standsIn) reservations.Keep(appointment, change, context);
            booked.Add(appointment);
        }
        return Outcome<VisitAnswer>.Made(new VisitAnswer(visitId, booked, business!.Zone));
    }
}
