namespace FastBooking.Api.Features.Visits.Get;

public sealed class Request
{
    public string? Id { get; set; }
}
