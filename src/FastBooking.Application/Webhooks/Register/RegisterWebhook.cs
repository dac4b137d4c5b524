using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;
using NodaTime;

namespace FastBooking.Application.Webhooks.Register;

/// <summary>An endpoint for the business's events; no types means every type.</summary>
public sealed record RegisterWebhook(BusinessId Business, Uri Url, IReadOnlyList<string> EventTypes);

public sealed class RegisterWebhookHandler(IWebhookStore webhooks, IClock clock) : IHandler<RegisterWebhook, RegisteredWebhook>
{
    public async Task<Outcome<RegisteredWebhook>> HandleAsync(RegisterWebhook command, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var types = command.EventTypes.Count == 0 ? ChangeFeed.EventTypes.All : command.EventTypes.Distinct().ToList();
        var webhook = new Webhook(Guid.CreateVersion7(now.ToDateTimeOffset()), command.Url.AbsoluteUri, types, now, null, null);
        var secret = RegisteredWebhook.NewSecret();
        await webhooks.AddAsync(command.Business, webhook, secret, ct);
        return Outcome<RegisteredWebhook>.Made(new RegisteredWebhook(webhook, secret));
    }
}
