using FastBooking.Application.Common;
using FastBooking.Application.Holds;
using FastBooking.Domain.Appointments;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Holds;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using NodaTime;

namespace FastBooking.Application.Availability.Explain;

/// <summary>Why one start is or is not bookable for one staff member and service.</summary>
public sealed record ExplainStart(BusinessId Business, Guid ServiceId, Guid StaffId, Instant Start);

public sealed record Explanation(Business Business, IReadOnlyList<Reason> Reasons);

/// <summary>Every reason, computed from PostgreSQL state and the live holds, independently of the bitmaps.</summary>
public sealed class ExplainStartHandler(ICatalogCache catalog, ISchedulingReader reader, IHoldStore holds, IClock clock)
    : IHandler<ExplainStart, Explanation>
{
    public async Task<Outcome<Explanation>> HandleAsync(ExplainStart query, CancellationToken ct)
    {
        var found = await catalog.ReadAsync(query.Business, query.ServiceId, query.StaffId, ct);
        if (found?.ServiceFor(query.StaffId) is not { } service) return Error.NotFound("No such service or staff member.");
        var business = found.Business;
        var staff = new StaffId(query.StaffId);
        var now = clock.GetCurrentInstant();
        var calendars = service.CalendarsOf([staff]);
        var state = await reader.StateAroundAsync(business, calendars, query.Start, ct);
        // A committed booking's stand-in lives on until the projector applies it; the appointment itself is the reason.
        // Only exactly its stored range: a reservation of the same appointment elsewhere is a reschedule in flight.
        var live = await holds.LiveAsync(query.Business, calendars, now) ?? [];
        state = state with { Holds = live.Where(h => !state.Appointments.Any(a => IsStandIn(h, a))).ToList() };
        return new Explanation(business, Bookability.Explain(state, service, staff, query.Start, now));
    }

    private static bool IsStandIn(LiveHold hold, Appointment appointment) =>
        hold.Token == HoldTokens.ReservationOf(appointment.Id.Value) && hold.StaffId == appointment.StaffId
        && IntervalSet.Normalize(hold.Busy).SequenceEqual(IntervalSet.Normalize(appointment.Busy)); // stored ranges come back merged
}
