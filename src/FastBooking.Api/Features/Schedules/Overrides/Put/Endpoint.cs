using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Catalog;
using FastBooking.Application.Common;
using FastBooking.Application.Schedules.Overrides.Put;
using FastBooking.Domain.Schedules;
using FastEndpoints;

namespace FastBooking.Api.Features.Schedules.Overrides.Put;

/// <summary>Replaces one local date's hours for a staff member; no intervals means closed that day.</summary>
public sealed class Endpoint(IHandler<PutOverride, DateOverride> put) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Put("/staff/{id}/overrides/{date}");
        Description(d => d.Takes<Request>().Answers<Response>(StatusCodes.Status200OK), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Set a staff member's hours for one date";
            s.Description = "Replaces a staff member's working hours on one business-local date (at most 12 intervals, not overlapping; `24:00` ends at midnight), " +
                "whatever their week says; no intervals closes that day. Putting the date again replaces the override.";
            s.ExampleRequest = Request.Example;
            s.ResponseExamples[StatusCodes.Status200OK] = Response.Example;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = Guid.TryParse(req.Id, out var staff)
            ? await put.HandleAsync(new PutOverride(HttpContext.BusinessId(), staff, req.ToOverride()), ct)
            : StaffMember.NotFound;
        await Send.ResultAsync(outcome.ToHttp(Response.From));
    }
}
