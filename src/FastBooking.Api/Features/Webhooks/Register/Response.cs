using FastBooking.Application.Webhooks;

namespace FastBooking.Api.Features.Webhooks.Register;

/// <summary>The new endpoint with its signing secret: shown this once.</summary>
public sealed record Response(Guid Id, string Url, IReadOnlyList<string> EventTypes, string CreatedAt, string Secret)
{
    public static Response Example => new(WebhookResponse.Example.Id, WebhookResponse.Example.Url, [Application.ChangeFeed.EventTypes.Booked],
        WebhookResponse.Example.CreatedAt, "whsec_Jx1q3mV8c0TtZkq4cS2pQm7uLr9a6YbN1dWfE5hKs0o");

    public static Response From(RegisteredWebhook registered)
    {
        var listed = WebhookResponse.From(registered.Webhook);
        return new(listed.Id, listed.Url, listed.EventTypes, listed.CreatedAt, registered.Secret);
    }
}
