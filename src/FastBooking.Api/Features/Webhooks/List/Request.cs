using FastBooking.Api.Common;

namespace FastBooking.Api.Features.Webhooks.List;

public sealed class Request : PagedRequest
{
    public static PageResponse<WebhookResponse> ExampleAnswer => new([WebhookResponse.Example], null);
}
