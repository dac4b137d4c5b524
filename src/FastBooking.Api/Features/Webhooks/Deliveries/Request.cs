using FastBooking.Api.Common;

namespace FastBooking.Api.Features.Webhooks.Deliveries;

public sealed class Request : PagedRequest
{
    public string? Id { get; set; }

    public static PageResponse<DeliveryResponse> ExampleAnswer => new([DeliveryResponse.Example], null);
}
