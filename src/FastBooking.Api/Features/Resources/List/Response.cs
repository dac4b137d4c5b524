namespace FastBooking.Api.Features.Resources.List;

public sealed record Response(IReadOnlyList<ResourceKindResponse> Items);
