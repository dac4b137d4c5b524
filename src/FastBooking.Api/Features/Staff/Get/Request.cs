namespace FastBooking.Api.Features.Staff.Get;

public sealed class Request
{
    public string? Id { get; set; }
}
