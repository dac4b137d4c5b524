using FastBooking.Api.Common;

namespace FastBooking.Api.Features.Services.List;

public sealed class Request : PagedRequest;
