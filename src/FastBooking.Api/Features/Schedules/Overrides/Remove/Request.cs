namespace FastBooking.Api.Features.Schedules.Overrides.Remove;

public sealed class Request
{
    public string? Id { get; set; }
    public string? Date { get; set; }
}
