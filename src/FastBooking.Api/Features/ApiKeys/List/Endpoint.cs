using FastBooking.Api.Common;
using FastBooking.Application.ApiKeys;
using FastBooking.Application.ApiKeys.List;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.ApiKeys.List;

/// <summary>The business's API keys, oldest first.</summary>
public sealed class Endpoint(IHandler<ListApiKeys, IReadOnlyList<ApiKeyInfo>> list) : EndpointWithoutRequest<List<ApiKeyResponse>>
{
    public override void Configure() => Get("/api-keys");

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.ResultAsync((await list.HandleAsync(new ListApiKeys(HttpContext.BusinessId()), ct))
            .ToHttp(keys => keys.Select(ApiKeyResponse.From).ToList()));
}
