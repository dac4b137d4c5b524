namespace FastBooking.Api.Features.Appointments.Get;

public sealed class Request
{
    public string? Id { get; set; }
}
