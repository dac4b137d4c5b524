namespace FastBooking.Api.Features.Webhooks.Remove;

public sealed class Request
{
    public string? Id { get; set; }
}
