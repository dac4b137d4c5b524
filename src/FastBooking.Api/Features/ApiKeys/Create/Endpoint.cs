using FastBooking.Api.Common;
using FastBooking.Application.ApiKeys.Create;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.ApiKeys.Create;

/// <summary>Creates another API key for the business (to rotate: create, deploy, revoke the old one).</summary>
public sealed class Endpoint(IHandler<CreateApiKey, CreatedApiKey> create) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Post("/api-keys");
        PreProcessor<ReadIdempotencyKey<EmptyRequest>>();
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.ResultAsync((await create.HandleAsync(new CreateApiKey(HttpContext.BusinessId(), HttpContext.IdempotencyKey()), ct))
            .ToHttp(Response.From));
}
