namespace FastBooking.Api.Features.Schedules.TimeOff.Remove;

public sealed class Request
{
    public string? Id { get; set; }
    public string? TimeOffId { get; set; }
}
