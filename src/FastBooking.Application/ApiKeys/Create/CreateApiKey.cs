using FastBooking.Application.Common;
using FastBooking.Application.Idempotency;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.ApiKeys.Create;

/// <summary>Another API key for the business (e.g. to rotate: create, deploy, revoke the old one).</summary>
public sealed record CreateApiKey(BusinessId Business, IdempotencyKey? IdempotencyKey = null) : IChange;

/// <summary>The new key with the secret itself: shown this once.</summary>
public sealed record CreatedApiKey(ApiKeyInfo Key, ApiKeySecret Secret);

public sealed class CreateApiKeyHandler(IApiKeyStore keys) : IChangeHandler<CreateApiKey, CreatedApiKey>
{
    public Task<Outcome<CreatedApiKey>> HandleAsync(CreateApiKey command, ChangeContext context, CancellationToken ct)
    {
        var secret = ApiKeySecret.New();
        var key = new ApiKeyInfo(Guid.CreateVersion7(context.Now.ToDateTimeOffset()), secret.Prefix, context.Now);
        keys.Add(command.Business, key, secret.Hash);
        context.Record(new ApiKeysChanged(command.Business));
        return Task.FromResult(Outcome<CreatedApiKey>.Made(new CreatedApiKey(key, secret)));
    }
}
