using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.ApiKeys.Revoke;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.ApiKeys.Revoke;

/// <summary>Revokes a key: refused everywhere within seconds. The business's last key cannot be revoked.</summary>
public sealed class Endpoint(IHandler<RevokeApiKey, Done> revoke) : Endpoint<Request>
{
    public override void Configure()
    {
        Delete("/api-keys/{id}");
        Description(d => d.AnswersNoContent().Refuses(ErrorCode.LastApiKey), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Revoke an API key";
            s.Description = "Revokes one of the business's keys: refused at once by this instance and by every other within seconds. " +
                "The business's last key cannot be revoked (409 `last_api_key`).";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync((Guid.TryParse(req.Id, out var id)
            ? await revoke.HandleAsync(new RevokeApiKey(HttpContext.BusinessId(), id), ct)
            : Error.NotFound("No such API key.")).ToHttp());
}
