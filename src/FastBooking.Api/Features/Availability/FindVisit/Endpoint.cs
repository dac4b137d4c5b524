using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Availability.FindVisit;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.Availability.FindVisit;

/// <summary>Bookable visits — several services in sequence — on business-local dates; X-Served-By names the read path.</summary>
public sealed class Endpoint(IHandler<FindVisitAvailability, AvailableVisits> find) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/availability/visits");
        // Accepts names the query's DTO, without a body: a cleared description would list no query parameter.
        Description(d => d.Accepts<Request>().Answers<Response>(StatusCodes.Status200OK).Refuses(ErrorCode.NotFound), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Find bookable visits (services in sequence)";
            s.Description = "The bookable starts of a visit — `serviceIds`, 1 to 5 services in order, each starting when the one before it ends — on the " +
                "business-local dates `from`–`to` (at most 31 days). `staffIds` names, per service, a staff id or `any` (the default); with " +
                "`sameStaff=true` one staff member takes every item. The grid, lead time and booking window apply to the visit's first start. Each " +
                "slot lists its items with their times and the staff who could take each: the items are independent, so any one of each item's " +
                "staff may be booked (with `sameStaff`, the same one). A staff member's own duration moves the next item's start: such a start has " +
                "one slot per sequence of lengths, shortest first. A visit's own items never block each other (a stylist goes straight from one " +
                "to the next, their buffers in between overlapping), and a processing phase leaves the stylist free for another client. " +
                "`source=redis|postgres` chooses the read path (for operators), and `X-Served-By` names the one that answered.";
            s.ResponseExamples[StatusCodes.Status200OK] = Response.Example;
            s.ResponseHeaders.Add(new ResponseHeader(StatusCodes.Status200OK, "X-Served-By") { Description = "The read path that answered: `redis` or `postgres`.", Example = "redis" });
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var staff = req.StaffList.Count > 0 ? req.StaffList : req.ServiceList.Select(_ => "any").ToList();
        var items = req.ServiceList.Zip(staff, (service, who) =>
        {
            AvailabilityQuery.TryStaff(who, out var staffId);
            return new VisitItem(Guid.Parse(service), staffId);
        }).ToList();
        var query = new FindVisitAvailability(HttpContext.BusinessId(), items, req.SameStaff == "true",
            new NodaTime.DateInterval(ApiFormats.ParseDate(req.From!), ApiFormats.ParseDate(req.To!)), AvailabilityQuery.PathOf(req.Source));
        var outcome = await find.HandleAsync(query, ct);
        if (outcome is Outcome<AvailableVisits>.Success { Value: var visits })
            HttpContext.Response.Headers["X-Served-By"] = visits.ServedBy.ToString().ToLowerInvariant();
        await Send.ResultAsync(outcome.ToHttp(v => Response.Of(v, ApiFormats.Zone(req.TimeZone) ?? v.Business.Zone)));
    }
}
