namespace FastBooking.Api.Features.Services.Delete;

public sealed class Request
{
    public string? Id { get; set; }
}
