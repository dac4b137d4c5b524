namespace FastBooking.Api.Features.Webhooks.Resend;

public sealed class Request
{
    public string? Id { get; set; }
    public string? DeliveryId { get; set; }
}
