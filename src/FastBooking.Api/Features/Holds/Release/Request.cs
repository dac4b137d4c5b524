namespace FastBooking.Api.Features.Holds.Release;

public sealed class Request
{
    public string? Token { get; set; }
}
