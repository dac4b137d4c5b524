using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Common;
using FastBooking.Application.Webhooks.Remove;
using FastEndpoints;

namespace FastBooking.Api.Features.Webhooks.Remove;

/// <summary>Removes an endpoint: nothing more is sent to it, and its deliveries are forgotten.</summary>
public sealed class Endpoint(IHandler<RemoveWebhook, Done> remove) : Endpoint<Request>
{
    public override void Configure()
    {
        Delete("/webhooks/{id}");
        Description(d => d.AnswersNoContent(), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Remove a webhook";
            s.Description = "Removes the endpoint and its deliveries; an attempt already under way may still arrive.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync((Guid.TryParse(req.Id, out var id)
            ? await remove.HandleAsync(new RemoveWebhook(HttpContext.BusinessId(), id), ct)
            : Error.NotFound("No such webhook.")).ToHttp());
}
