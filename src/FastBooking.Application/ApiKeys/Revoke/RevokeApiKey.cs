using FastBooking.Application.Common;
using FastBooking.Application.Idempotency;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.ApiKeys.Revoke;

public sealed record RevokeApiKey(BusinessId Business, Guid KeyId) : IChange
{
    public IdempotencyKey? IdempotencyKey => null;
}

/// <summary>
/// Revokes a key on every instance within seconds (forgotten here at once, elsewhere on the outbox notification).
/// The last key cannot be revoked: the business would be locked out of its own API for good.
/// </summary>
public sealed class RevokeApiKeyHandler(IApiKeyStore keys) : IChangeHandler<RevokeApiKey, Done>
{
    public async Task<Outcome<Done>> HandleAsync(RevokeApiKey command, ChangeContext context, CancellationToken ct)
    {
        var listed = await keys.LockAsync(command.Business, ct);
        if (listed.All(k => k.Id != command.KeyId)) return Error.NotFound("No such API key.");
        if (listed.Count == 1) return new Error(ErrorCode.LastApiKey, "This is the business's last API key; create another before revoking it.");
        await keys.RevokeAsync(command.Business, command.KeyId, ct);
        context.Record(new ApiKeysChanged(command.Business));
        return Done.Value;
    }
}
