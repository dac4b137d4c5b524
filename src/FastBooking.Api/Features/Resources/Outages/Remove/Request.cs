namespace FastBooking.Api.Features.Resources.Outages.Remove;

public sealed class Request
{
    public string? Id { get; set; }
    public string? OutageId { get; set; }
}
