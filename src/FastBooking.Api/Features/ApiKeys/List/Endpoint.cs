using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.ApiKeys;
using FastBooking.Application.ApiKeys.List;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.ApiKeys.List;

/// <summary>The business's API keys, oldest first, a page at a time.</summary>
public sealed class Endpoint(IHandler<ListApiKeys, Page<ApiKeyInfo>> list) : Endpoint<Request, PageResponse<ApiKeyResponse>>
{
    public override void Configure()
    {
        Get("/api-keys");
        Validator<PagingRules.Only<Request>>();
        // Accepts names the query's DTO, without a body: a cleared description would list no query parameter.
        Description(d => d.Accepts<Request>().Answers<PageResponse<ApiKeyResponse>>(StatusCodes.Status200OK), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "List API keys";
            s.Description = "The business's API keys, oldest first, by id and `prefix` (their first 8 characters), never the keys themselves; " +
                "a page at a time: up to `limit` (1–500, default 100) after the `next` token of the page before.";
            s.ResponseExamples[StatusCodes.Status200OK] = Request.ExampleAnswer;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync((await list.HandleAsync(new ListApiKeys(HttpContext.BusinessId(), req.Page), ct))
            .ToHttp(page => PageResponse<ApiKeyResponse>.From(page, ApiKeyResponse.From)));
}
