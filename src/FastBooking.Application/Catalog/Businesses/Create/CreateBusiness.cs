using FastBooking.Application.ApiKeys;
using FastBooking.Application.Common;
using FastBooking.Application.Idempotency;
using FastBooking.Domain.Businesses;
using NodaTime;

namespace FastBooking.Application.Catalog.Businesses.Create;

public sealed record CreateBusiness(string Name, DateTimeZone Zone, BookingRules Rules, IdempotencyKey? IdempotencyKey = null) : IChange
{
    /// <summary>The new business's id, chosen with the command: the change belongs to the business it makes.</summary>
    public BusinessId Business { get; } = new(Guid.CreateVersion7());
}

/// <summary>The new business with its API key, shown this once.</summary>
public sealed record CreatedBusiness(Business Business, string ApiKey);

/// <summary>Creates a business and its API key. Nothing is cached or projected for a business yet: no outbox event.</summary>
public sealed class CreateBusinessHandler(ICatalogStore store, IApiKeyStore keys) : IChangeHandler<CreateBusiness, CreatedBusiness>
{
    public Task<Outcome<CreatedBusiness>> HandleAsync(CreateBusiness command, ChangeContext context, CancellationToken ct)
    {
        var business = new Business(command.Business, command.Name, command.Zone, command.Rules);
        store.AddBusiness(business, context.Now);
        var secret = ApiKeySecret.New();
        keys.Add(business.Id, new ApiKeyInfo(Guid.CreateVersion7(context.Now.ToDateTimeOffset()), secret.Prefix, context.Now), secret.Hash);
        return Task.FromResult(Outcome<CreatedBusiness>.Made(new CreatedBusiness(business, secret.Key)));
    }
}
