namespace FastBooking.Api.Features.Schedules.Deactivate;

public sealed class Request
{
    public string? Id { get; set; }
}
