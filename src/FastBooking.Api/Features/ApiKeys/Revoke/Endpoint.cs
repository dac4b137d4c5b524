using FastBooking.Api.Common;
using FastBooking.Application.ApiKeys.Revoke;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.ApiKeys.Revoke;

/// <summary>Revokes a key: refused everywhere within seconds. The business's last key cannot be revoked.</summary>
public sealed class Endpoint(IHandler<RevokeApiKey, Done> revoke) : Endpoint<Request>
{
    public override void Configure() => Delete("/api-keys/{id}");

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync((Guid.TryParse(req.Id, out var id)
            ? await revoke.HandleAsync(new RevokeApiKey(HttpContext.BusinessId(), id), ct)
            : Error.NotFound("No such API key.")).ToHttp());
}
