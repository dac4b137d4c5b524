using FastBooking.Api.Common;

namespace FastBooking.Api.Features.Staff.List;

public sealed class Request : PagedRequest
{
    public static PageResponse<StaffResponse> ExampleAnswer => new([StaffResponse.Example], null);
}
