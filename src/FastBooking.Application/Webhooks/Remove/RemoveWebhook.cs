using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Webhooks.Remove;

/// <summary>Stops deliveries to the endpoint and forgets it, with its deliveries.</summary>
public sealed record RemoveWebhook(BusinessId Business, Guid Id);

public sealed class RemoveWebhookHandler(IWebhookStore webhooks) : IHandler<RemoveWebhook, Done>
{
    public async Task<Outcome<Done>> HandleAsync(RemoveWebhook command, CancellationToken ct) =>
        await webhooks.RemoveAsync(command.Business, command.Id, ct) ? Done.Value : Error.NotFound("No such webhook.");
}
