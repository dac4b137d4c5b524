using FastBooking.Api.Common;

namespace FastBooking.Api.Features.Services.List;

public sealed class Request : PagedRequest
{
    public static PageResponse<ServiceResponse> ExampleAnswer => new([ServiceResponse.Example], null);
}
