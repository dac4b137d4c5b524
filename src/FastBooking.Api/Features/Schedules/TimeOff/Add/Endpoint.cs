using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Catalog;
using FastBooking.Application.Common;
using FastBooking.Application.Schedules.TimeOff.Add;
using FastEndpoints;

namespace FastBooking.Api.Features.Schedules.TimeOff.Add;

public sealed class Endpoint(IHandler<AddTimeOff, TimeOffAnswer> add) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/staff/{id}/time-off");
        PreProcessor<ReadIdempotencyKey<Request>>();
        Description(d => d.Takes<Request>().Answers<Response>(StatusCodes.Status201Created), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Add time off for a staff member";
            s.Description = "Adds a period of time off (instants with offsets, `end` after `start`): no appointment overlapping it is offered, booked or held. " +
                "Appointments already booked in it stay.";
            s.ExampleRequest = Request.Example;
            s.ResponseExamples[StatusCodes.Status201Created] = Response.Example;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = Guid.TryParse(req.Id, out var staff)
            ? await add.HandleAsync(new AddTimeOff(HttpContext.BusinessId(), staff, req.ToPeriod(), req.Reason, HttpContext.IdempotencyKey()), ct)
            : StaffMember.NotFound;
        await Send.ResultAsync(outcome.ToHttp(Response.From));
    }
}
