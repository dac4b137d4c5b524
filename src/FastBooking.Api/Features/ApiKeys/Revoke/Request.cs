namespace FastBooking.Api.Features.ApiKeys.Revoke;

public sealed class Request
{
    public string? Id { get; set; }
}
