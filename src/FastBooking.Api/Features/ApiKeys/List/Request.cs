using FastBooking.Api.Common;

namespace FastBooking.Api.Features.ApiKeys.List;

public sealed class Request : PagedRequest
{
    public static PageResponse<ApiKeyResponse> ExampleAnswer => new([ApiKeyResponse.Example], null);
}
