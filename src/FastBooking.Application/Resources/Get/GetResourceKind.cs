using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Resources.Get;

public sealed record GetResourceKind(BusinessId Business, Guid KindId);

public sealed class GetResourceKindHandler(IResourceStore store) : IHandler<GetResourceKind, ResourceKind>
{
    public async Task<Outcome<ResourceKind>> HandleAsync(GetResourceKind query, CancellationToken ct) =>
        (await store.ListKindsAsync(query.Business, ct)).FirstOrDefault(k => k.Id == query.KindId) is { } kind
            ? kind
            : ResourceKind.NotFound;
}
