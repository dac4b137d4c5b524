using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Common;
using FastBooking.Application.Holds.Place;
using FastEndpoints;

namespace FastBooking.Api.Features.Holds.Place;

/// <summary>Holds a slot for the business's hold TTL: hidden from everyone else's availability until booked, released or expired.</summary>
public sealed class Endpoint(IHandler<PlaceHold, PlacedHold> place) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/holds");
        PreProcessor<ReadIdempotencyKey<Request>>();
        // A hold is refused as "taken or held" (hold_conflict), never slot_taken.
        Description(d => d.Takes<Request>().Answers<Response>(StatusCodes.Status201Created)
            .Refuses([ErrorCode.NotFound, .. Refusals.StartCodes.Where(c => c != ErrorCode.SlotTaken), ErrorCode.HoldsUnavailable]), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Hold a slot";
            s.Description = "Holds a start of a service for the business's hold TTL (`holdTtlSeconds`), with a named staff member or, with `staffId` left out, " +
                "anyone who performs it (picked as a booking would): the time is hidden from everyone else's availability and bookings until it is booked " +
                "with the `token`, released, or expires. 503 `holds_unavailable` when Redis does not answer.";
            s.ExampleRequest = Request.Example;
            s.ResponseExamples[StatusCodes.Status201Created] = Response.Example;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var command = new PlaceHold(HttpContext.BusinessId(), Guid.Parse(req.ServiceId!), req.StaffId is null ? null : Guid.Parse(req.StaffId),
            ApiFormats.ParseInstant(req.Start!), HttpContext.IdempotencyKey());
        await Send.ResultAsync((await place.HandleAsync(command, ct)).ToHttp(Response.From));
    }
}
