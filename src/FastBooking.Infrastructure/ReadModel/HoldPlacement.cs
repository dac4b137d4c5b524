using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Holds;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using FastBooking.Infrastructure.Appointments;
using FastBooking.Infrastructure.Scheduling;
using NodaTime;

namespace FastBooking.Infrastructure.ReadModel;

/// <summary>
/// Places and releases customers' holds. The rules that need no state are checked here; free time and other holds
/// are checked by the hold script, atomically, against the projected bitmaps.
/// </summary>
public sealed class HoldPlacement(SchedulingStore store, CatalogCache catalog, HoldStore holds, StaffProjector projector, RedisGate redis, IClock clock)
{
    public abstract record Outcome
    {
        public sealed record Placed(Hold Hold, Business Business) : Outcome;
        public sealed record Refused(string Code, string Detail) : Outcome;
    }

    public async Task<Outcome> PlaceAsync(BusinessId businessId, Guid serviceId, Guid? staffId, Instant start, CancellationToken ct)
    {
        var found = await catalog.ReadAsync(businessId, serviceId, staffId, ct);
        if (found is not { Service: { } service } || (staffId is not null && !found.StaffKnown))
            return new Outcome.Refused(FailureCodes.NotFound, "No such service or staff member.");
        var business = found.Business;
        // Holds are only as good as the bitmaps they are checked against.
        if (!redis.Usable)
            return new Outcome.Refused(FailureCodes.HoldsUnavailable, "Holds are unavailable while the read model is not in step; book directly.");

        var now = clock.GetCurrentInstant();
        var candidates = staffId is { } s ? [new StaffId(s)] : service.Staff.ToList();
        var reasons = candidates.ToDictionary(c => c, c => Bookability.RuleReasons(business, service, c, start, now).ToList());
        var qualified = candidates.Where(c => reasons[c].Count == 0).ToList();
        if (qualified.Count == 0)
        {
            var refusal = candidates.Count == 0
                ? new AppointmentOutcome.Refused(FailureCodes.ServiceNotOffered, "No staff member performs this service.")
                : FailureCodes.FromReasons(reasons[candidates[0]]);
            return new Outcome.Refused(refusal.Code, refusal.Detail);
        }
        var day = LocalDay.Of(start.InZone(business.Zone).Date, business.Zone);
        var appointments = qualified.Count > 1 ? (await store.StateAsync(business, qualified, day.Span, ct)).Appointments : [];

        var refusals = new List<AppointmentOutcome.Refused>();
        foreach (var staff in AnyStaffPolicy.InOrder(qualified, appointments, day))
        {
            var hold = new Hold(new HoldToken(HoldStore.NewToken()), staff, service.Id, service.AppointmentAt(start, staff),
                service.OccupiedAt(start, staff), now + business.Rules.HoldTtl);
            var days = Bookability.DaysTouching(hold.Occupied, business.Zone).ToList();
            var result = await holds.ReserveAsync(businessId, hold, business.Rules.HoldTtl, now, days);
            if (result == HoldStore.Reservation.Unprojected)
            {
                await projector.ProjectAsync(business, [staff], days.Select(d => d.Date).ToList(), ct);
                result = await holds.ReserveAsync(businessId, hold, business.Rules.HoldTtl, now, days);
            }
            switch (result)
            {
                case null:
                    return new Outcome.Refused(FailureCodes.HoldsUnavailable, "Redis did not answer.");
                case HoldStore.Reservation.Reserved:
                    return new Outcome.Placed(hold, business);
                case HoldStore.Reservation.Held:
                    refusals.Add(new(FailureCodes.HoldConflict, "The time is held by someone else."));
                    break;
                case HoldStore.Reservation.Booking:
                    refusals.Add(new(FailureCodes.HoldConflict, "The time is being booked by someone else."));
                    break;
                default:
                    refusals.Add(await WhyNotFreeAsync(business, service, staff, start, now, ct));
                    break;
            }
        }
        var refused = FailureCodes.MostTransient(refusals);
        return new Outcome.Refused(refused.Code, refused.Detail);
    }

    /// <summary>
    /// The bitmap said "not free": PostgreSQL says why, as a booking would — except that a taken range is a
    /// hold conflict for the holds API (the contract's code for "taken or held").
    /// </summary>
    private async Task<AppointmentOutcome.Refused> WhyNotFreeAsync(Business business, Service service, StaffId staff, Instant start, Instant now, CancellationToken ct)
    {
        var state = await store.StateAroundAsync(business, [staff], start, ct);
        var reasons = Bookability.Explain(state, service, staff, start, now);
        var refused = reasons.Count > 0 ? FailureCodes.FromReasons(reasons) : new(FailureCodes.SlotTaken, "The time was just taken.");
        return refused.Code == FailureCodes.SlotTaken ? refused with { Code = FailureCodes.HoldConflict } : refused;
    }

    /// <summary>False when there is no such hold; null when Redis did not answer.</summary>
    public async Task<bool?> ReleaseAsync(BusinessId businessId, string token)
    {
        var (hold, answered) = await holds.FindAsync(businessId, token);
        if (!answered) return null;
        if (hold is null) return false;
        return await holds.ReleaseAsync(businessId, hold) ? true : null;
    }
}
