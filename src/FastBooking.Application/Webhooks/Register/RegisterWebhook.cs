using FastBooking.Application.Common;
using FastBooking.Application.Idempotency;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Webhooks.Register;

/// <summary>An endpoint for the business's events; no types means every type.</summary>
public sealed record RegisterWebhook(BusinessId Business, Uri Url, IReadOnlyList<string> EventTypes, IdempotencyKey? IdempotencyKey = null) : IChange;

/// <summary>
/// Registers the endpoint in the change's transaction, so a retry under the same Idempotency-Key gets the first
/// registration (and its secret) back instead of a second endpoint that would receive every event twice.
/// </summary>
public sealed class RegisterWebhookHandler(IWebhookRegistrations registrations) : IChangeHandler<RegisterWebhook, RegisteredWebhook>
{
    public async Task<Outcome<RegisteredWebhook>> HandleAsync(RegisterWebhook command, ChangeContext context, CancellationToken ct)
    {
        var types = command.EventTypes.Count == 0 ? ChangeFeed.EventTypes.All : command.EventTypes.Distinct().ToList();
        var webhook = new Webhook(Guid.CreateVersion7(context.Now.ToDateTimeOffset()), command.Url.AbsoluteUri, types, context.Now, null, null);
        var secret = RegisteredWebhook.NewSecret();
        await registrations.AddAsync(command.Business, webhook, secret, ct);
        return Outcome<RegisteredWebhook>.Made(new RegisteredWebhook(webhook, secret));
    }
}
