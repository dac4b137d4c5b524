using FastBooking.Api.Common;
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
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = Guid.TryParse(req.Id, out var staff)
            ? await add.HandleAsync(new AddTimeOff(HttpContext.BusinessId(), staff, req.ToPeriod(), req.Reason, HttpContext.IdempotencyKey()), ct)
            : StaffMember.NotFound;
        await Send.ResultAsync(outcome.ToHttp(Response.From));
    }
}
