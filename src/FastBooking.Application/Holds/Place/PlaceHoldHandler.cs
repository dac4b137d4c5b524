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
/// by the hold script, atomically, against the projected bitmaps ("any" walks the staff in policy order) — or, while
/// the read model is not current, free time against PostgreSQL and only other holds by the script. Each hold the script
/// places is then recorded in PostgreSQL, which refuses it when a confirmed appointment overlaps, whatever the bitmaps
/// said; a hold it does not record is released from Redis again. A service that needs a resource is held only while
/// one of its units is free (PostgreSQL's bookings, Redis's reservations); the unit itself is given at booking.
/// </summary>
public sealed class PlaceHoldHandler(
    ICatalogCache catalog, ISchedulingReader reader, IHoldStore holds, IHoldRecords records, IStaffProjector projector, IReadModel readModel)
    : IChangeHandler<PlaceHold, PlacedHold>
{
    public async Task<Outcome<PlacedHold>> HandleAsync(PlaceHold command, ChangeContext context, CancellationToken ct)
    {
        var found = await catalog.ReadAsync(command.Business, command.ServiceId, command.StaffId, ct);
        if (found?.ServiceFor(command.StaffId) is not { } service) return Error.NotFound("No such service or staff member.");
        var business = found.Business;

        var now = context.Now;
        var start = command.Start;
        List<StaffId> candidates = command.StaffId is { } s ? [new StaffId(s)] : service.Staff.ToList();
        var reasons = candidates.ToDictionary(c => c, c => Bookability.RuleReasons(business, service, c, start, now).ToList());
        var qualified = candidates.Where(c => reasons[c].Count == 0).ToList();
        if (qualified.Count == 0)
            return candidates.Count == 0 ? Refusals.NobodyPerforms : Refusals.FromReasons(reasons[candidates[0]]);
        var day = LocalDay.Of(start.InZone(business.Zone).Date, business.Zone);
        // Bitmaps are only as good as the read model: when it is not current, PostgreSQL's state is the one to check.
        var bitmaps = readModel.IsCurrentFor(command.Business);
        var state = !bitmaps ? await reader.StateAroundAsync(business, qualified, start, ct)
            : qualified.Count > 1 ? await reader.StateAsync(business, qualified, day.Span, ct) : null;

        var units = service.Resource is { } need
            ? await reader.StateAroundAsync(business, need.Units, start, ct) with { Holds = await holds.LiveAsync(command.Business, need.Units, now) ?? [] }
            : null;

        var refusals = new List<Error>();
        foreach (var staff in AnyStaffPolicy.InOrder(qualified, state?.Appointments ?? [], day))
        {
            if (units is not null && Bookability.FreeUnits(units, service, staff, start, now).Count == 0)
            {
                refusals.Add(Refusals.FromReasons([Bookability.NoFreeUnit(service.Resource!)]));
                continue;
            }
            if (!bitmaps && Bookability.Explain(state!, service, staff, start, now) is { Count: > 0 } why)
            {
                refusals.Add(HoldRefusal(why));
                continue;
            }
            var hold = new Hold(HoldTokens.NewHold(), staff, service.Id, service.AppointmentAt(start, staff),
                service.BusyAt(start, staff), now + business.Rules.HoldTtl);
            var days = bitmaps ? Bookability.DaysTouching(hold.Occupied, business.Zone).ToList() : [];
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
                    var placed = context.Use(new PlacedInRedis(holds, command.Business, hold));
                    if (await records.TryAddAsync(command.Business, hold, now, ct))
                    {
                        context.OnCommitted(placed.KeepAsync);
                        return Outcome<PlacedHold>.Made(new PlacedHold(hold, business.Zone));
                    }
                    refusals.Add(new(ErrorCode.HoldConflict, "The time was just booked or held by someone else."));
                    break;
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

    /// <summary>The bitmap said "not free": PostgreSQL says why, as a booking would.</summary>
    private async Task<Error> WhyNotFreeAsync(Business business, Service service, StaffId staff, Instant start, Instant now, CancellationToken ct)
    {
        var state = await reader.StateAroundAsync(business, [staff], start, ct);
        var reasons = Bookability.Explain(state, service, staff, start, now);
        return reasons.Count > 0 ? HoldRefusal(reasons) : new Error(ErrorCode.HoldConflict, "The time was just taken.");
    }

    /// <summary>Why a booking would be refused, except that a taken range is a hold conflict for the holds API (the
    /// contract's code for "taken or held").</summary>
    private static Error HoldRefusal(IReadOnlyList<Reason> reasons)
    {
        var refused = Refusals.FromReasons(reasons);
        return refused.Code == ErrorCode.SlotTaken ? refused with { Code = ErrorCode.HoldConflict } : refused;
    }
}

/// <summary>
/// A hold the script placed in Redis, released again unless the change that placed it succeeds and commits: one that
/// PostgreSQL refused or could not record (not answering: a 503) would otherwise block its range in Redis for nothing.
/// </summary>
internal sealed class PlacedInRedis(IHoldStore holds, BusinessId business, Hold hold) : IAsyncDisposable
{
    private bool _kept;

    public Task KeepAsync()
    {
        _kept = true;
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_kept) await holds.ReleaseAsync(business, hold);
    }
}
