using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Catalog;
using FastBooking.Application.Common;
using FastBooking.Application.Schedules;
using FastBooking.Application.Schedules.WeeklyRanges;
using FastEndpoints;

namespace FastBooking.Api.Features.Schedules.WeeklyRanges;

/// <summary>Replaces one kind of a staff member's weekly ranges: working hours and breaks are each a route of this.</summary>
public abstract class Endpoint(IHandler<ReplaceWeeklyRanges, Week> replace, WeeklyRangeKind kind, string route) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Put(route);
        var hours = kind == WeeklyRangeKind.WorkingHours;
        Description(d => d.Takes<Request>().Answers<Response>(StatusCodes.Status200OK), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = hours ? "Replace a staff member's working hours" : "Replace a staff member's breaks";
            s.Description = (hours
                    ? "Replaces the staff member's whole week of working hours: a weekday left out is a day off. "
                    : "Replaces the staff member's whole week of breaks, when no appointment is offered or booked: a weekday left out has none, and an empty `days` removes them all. ") +
                "Each weekday at most once, with at most 12 intervals that do not overlap (`24:00` ends at midnight). Answers the week as stored, in weekday order.";
            // Two examples each: a single one would be set on the request schema both routes share, and the last route's would show on both.
            RequestExample[] examples = hours
                ? [new(Request.WorkingHoursExample, "straight-day", "A straight day"), new(Request.SplitShiftExample, "split-shift", "A split shift")]
                : [new(Request.BreaksExample, "lunch-break", "A lunch break"), new(Request.NoBreaksExample, "no-breaks", "No breaks at all")];
            foreach (var example in examples) s.RequestExamples.Add(example);
            s.ResponseExamples[StatusCodes.Status200OK] = hours ? Response.WorkingHoursExample : Response.BreaksExample;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = Guid.TryParse(req.Id, out var staff)
            ? await replace.HandleAsync(new ReplaceWeeklyRanges(HttpContext.BusinessId(), staff, kind, req.Days!.Select(d => d.ToDay()).ToList()), ct)
            : StaffMember.NotFound;
        await Send.ResultAsync(outcome.ToHttp(Response.From));
    }
}
