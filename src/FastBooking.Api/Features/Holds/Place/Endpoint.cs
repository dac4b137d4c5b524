using FastBooking.Api.Common;
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
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var command = new PlaceHold(HttpContext.BusinessId(), Guid.Parse(req.ServiceId!), req.StaffId is null ? null : Guid.Parse(req.StaffId),
            ApiFormats.ParseInstant(req.Start!), HttpContext.IdempotencyKey());
        await Send.ResultAsync((await place.HandleAsync(command, ct)).ToHttp(Response.From));
    }
}
