using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Common;
using FastBooking.Application.Webhooks;
using FastBooking.Application.Webhooks.Register;
using FastEndpoints;

namespace FastBooking.Api.Features.Webhooks.Register;

/// <summary>Registers an endpoint for the business's events, from now on; its signing secret is shown once.</summary>
public sealed class Endpoint(IHandler<RegisterWebhook, RegisteredWebhook> register) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/webhooks");
        PreProcessor<ReadIdempotencyKey<Request>>();
        Description(d => d.Takes<Request>().Answers<Response>(StatusCodes.Status201Created), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Register a webhook";
            s.Description = "Registers an endpoint for the business's events committed from now on (`eventTypes` left out: every type). Each delivery is " +
                "a POST of the event (the feed's item) signed in `FastBooking-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.body\" with the secret>`; " +
                "answer 2xx within 10 s. The `secret` is shown only in this answer.";
            s.ExampleRequest = Request.Example;
            s.ResponseExamples[StatusCodes.Status201Created] = Response.Example;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync((await register.HandleAsync(new RegisterWebhook(HttpContext.BusinessId(), new Uri(req.Url!), req.EventTypes ?? [], HttpContext.IdempotencyKey()), ct))
            .ToHttp(Response.From));
}
