namespace FastBooking.Api.Features.Resources.Get;

public sealed class Request
{
    public string? Id { get; set; }
}
