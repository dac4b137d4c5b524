using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
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
        Description(d => d.Answers<Response>(StatusCodes.Status201Created), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Create an API key";
            s.Description = "Creates another API key for the business, shown only in this answer (it is stored hashed). " +
                "To rotate a key: create one, deploy it, revoke the old one.";
            s.ResponseExamples[StatusCodes.Status201Created] = Response.Example;
        });
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.ResultAsync((await create.HandleAsync(new CreateApiKey(HttpContext.BusinessId(), HttpContext.IdempotencyKey()), ct))
            .ToHttp(Response.From));
}
