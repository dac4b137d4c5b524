using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Common;
using FastBooking.Application.Webhooks;
using FastBooking.Application.Webhooks.List;
using FastEndpoints;

namespace FastBooking.Api.Features.Webhooks.List;

/// <summary>The business's webhook endpoints, oldest first, a page at a time.</summary>
public sealed class Endpoint(IHandler<ListWebhooks, Page<Webhook>> list) : Endpoint<Request, PageResponse<WebhookResponse>>
{
    public override void Configure()
    {
        Get("/webhooks");
        Validator<PagingRules.Only<Request>>();
        Description(d => d.Accepts<Request>().Answers<PageResponse<WebhookResponse>>(StatusCodes.Status200OK), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "List webhooks";
            s.Description = "The business's endpoints, oldest first, never their secrets; a disabled one names why (`disabledReason`).";
            s.ResponseExamples[StatusCodes.Status200OK] = Request.ExampleAnswer;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync((await list.HandleAsync(new ListWebhooks(HttpContext.BusinessId(), req.Page), ct))
            .ToHttp(page => PageResponse<WebhookResponse>.From(page, WebhookResponse.From)));
}
