using FastBooking.Application.Common;
using FastBooking.Application.Holds;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Staff;
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
        var standIns = state.Appointments.Select(a => HoldTokens.ReservationOf(a.Id.Value)).ToHashSet();
        state = state with { Holds = (await holds.LiveAsync(query.Business, calendars, now) ?? []).Where(h => !standIns.Contains(h.Token)).ToList() };
        return new Explanation(business, Bookability.Explain(state, service, staff, query.Start, now));
    }
}
