using FastBooking.Application.Common;
using FastBooking.Application.ReadModel;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Holds;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using NodaTime;

namespace FastBooking.Application.Holds.Place;

/// <summary>
/// Places a customer's hold. The rules that need no state are checked here; free time and other holds are checked
/// by the hold script, atomically, against the projected bitmaps ("any" walks the staff in policy order).
/// </summary>
public sealed class PlaceHoldHandler(
    ICatalogCache catalog, ISchedulingReader reader, IHoldStore holds, IStaffProjector projector, IReadModel readModel)
    : IChangeHandler<PlaceHold, PlacedHold>
{
    public async Task<Outcome<PlacedHold>> HandleAsync(PlaceHold command, ChangeContext context, CancellationToken ct)
    {
        var found = await catalog.ReadAsync(command.Business, command.ServiceId, command.StaffId, ct);
        if (found?.ServiceFor(command.StaffId) is not { } service) return Error.NotFound("No such service or staff member.");
        var business = found.Business;
        // Holds are only as good as the bitmaps they are checked against.
        if (!readModel.IsCurrentFor(command.Business))
            return new Error(ErrorCode.HoldsUnavailable, "Holds are unavailable while the read model is not in step; book directly.");

        var now = context.Now;
        var start = command.Start;
        List<StaffId> candidates = command.StaffId is { } s ? [new StaffId(s)] : service.Staff.ToList();
        var reasons = candidates.ToDictionary(c => c, c => Bookability.RuleReasons(business, service, c, start, now).ToList());
        var qualified = candidates.Where(c => reasons[c].Count == 0).ToList();
        if (qualified.Count == 0)
            return candidates.Count == 0 ? Refusals.NobodyPerforms : Refusals.FromReasons(reasons[candidates[0]]);
        var day = LocalDay.Of(start.InZone(business.Zone).Date, business.Zone);
        var appointments = qualified.Count > 1 ? (await reader.StateAsync(business, qualified, day.Span, ct)).Appointments : [];

        var refusals = new List<Error>();
        foreach (var staff in AnyStaffPolicy.InOrder(qualified, appointments, day))
        {
            var hold = new Hold(HoldTokens.NewHold(), staff, service.Id, service.AppointmentAt(start, staff),
                service.OccupiedAt(start, staff), now + business.Rules.HoldTtl);
            var days = Bookability.DaysTouching(hold.Occupied, business.Zone).ToList();
            var result = await holds.ReserveAsync(command.Business, hold, business.Rules.HoldTtl, now, days);
            if (result == Reservation.Unprojected)
            {
                await projector.ProjectAsync(business, [staff], days.Select(d => d.Date).ToList(), ct);
                result = await holds.ReserveAsync(command.Business, hold, business.Rules.HoldTtl, now, days);
            }
            switch (result)
            {
                case null:
                    return new Error(ErrorCode.HoldsUnavailable, "Redis did not answer.");
                case Reservation.Reserved:
                    return Outcome<PlacedHold>.Made(new PlacedHold(hold, business.Zone));
                case Reservation.Held:
                    refusals.Add(new(ErrorCode.HoldConflict, "The time is held by someone else."));
                    break;
                case Reservation.Booking:
                    refusals.Add(new(ErrorCode.HoldConflict, "The time is being booked by someone else."));
                    break;
                default:
                    refusals.Add(await WhyNotFreeAsync(business, service, staff, start, now, ct));
                    break;
            }
        }
        return Refusals.MostTransient(refusals);
    }

    /// <summary>
    /// The bitmap said "not free": PostgreSQL says why, as a booking would — except that a taken range is a
    /// hold conflict for the holds API (the contract's code for "taken or held").
    /// </summary>
    private async Task<Error> WhyNotFreeAsync(Business business, Service service, StaffId staff, Instant start, Instant now, CancellationToken ct)
    {
        var state = await reader.StateAroundAsync(business, [staff], start, ct);
        var reasons = Bookability.Explain(state, service, staff, start, now);
        var refused = reasons.Count > 0 ? Refusals.FromReasons(reasons) : new Error(ErrorCode.SlotTaken, "The time was just taken.");
        return refused.Code == ErrorCode.SlotTaken ? refused with { Code = ErrorCode.HoldConflict } : refused;
    }
}
