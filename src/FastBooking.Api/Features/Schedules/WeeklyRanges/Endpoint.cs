using FastBooking.Api.Common;
using FastBooking.Application.Catalog;
using FastBooking.Application.Common;
using FastBooking.Application.Schedules;
using FastBooking.Application.Schedules.WeeklyRanges;
using FastEndpoints;

namespace FastBooking.Api.Features.Schedules.WeeklyRanges;

/// <summary>Replaces one kind of a staff member's weekly ranges: working hours and breaks are each a route of this.</summary>
public abstract class Endpoint(IHandler<ReplaceWeeklyRanges, Week> replace, WeeklyRangeKind kind, string route) : Endpoint<Request, Response>
{
    public override void Configure() => Put(route);

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = Guid.TryParse(req.Id, out var staff)
            ? await replace.HandleAsync(new ReplaceWeeklyRanges(HttpContext.BusinessId(), staff, kind, req.Days!.Select(d => d.ToDay()).ToList()), ct)
            : StaffMember.NotFound;
        await Send.ResultAsync(outcome.ToHttp(Response.From));
    }
}
