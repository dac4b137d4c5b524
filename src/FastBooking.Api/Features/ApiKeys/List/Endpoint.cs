using FastBooking.Api.Common;
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
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync((await list.HandleAsync(new ListApiKeys(HttpContext.BusinessId(), req.Page), ct))
            .ToHttp(page => PageResponse<ApiKeyResponse>.From(page, ApiKeyResponse.From)));
}
