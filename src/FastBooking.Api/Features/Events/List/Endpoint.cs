using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.ChangeFeed.List;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.Events.List;

/// <summary>The business's change feed, in order, for integrators who poll instead of receiving webhooks.</summary>
public sealed class Endpoint(IHandler<ListEvents, EventPage> list) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/events");
        Description(d => d.Accepts<Request>().Answers<Response>(StatusCodes.Status200OK), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Read the change feed";
            s.Description = "The business's events (appointment booked, rescheduled, cancelled) in feed order, up to `limit` (1–500, default 100) " +
                "after the cursor `after`: the same events, with the same ids and bodies, that webhooks deliver. An event appears once every " +
                "change that could precede it has committed, so reading on from `next` never skips one.";
            s.ResponseExamples[StatusCodes.Status200OK] = Response.Example;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync((await list.HandleAsync(new ListEvents(HttpContext.BusinessId(), req.AfterPosition, req.Limit ?? PageRequest.DefaultLimit), ct))
            .ToHttp(page => new Response(page.Items.Select(EventResponse.From).ToList(), page.Next.ToString())));
}
