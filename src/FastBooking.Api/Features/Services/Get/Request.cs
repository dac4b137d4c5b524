namespace FastBooking.Api.Features.Services.Get;

public sealed class Request
{
    public string? Id { get; set; }
}
