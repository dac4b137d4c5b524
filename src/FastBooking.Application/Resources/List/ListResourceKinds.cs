using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Resources.List;

public sealed record ListResourceKinds(BusinessId Business);

public sealed class ListResourceKindsHandler(IResourceStore store) : IHandler<ListResourceKinds, IReadOnlyList<ResourceKind>>
{
    public async Task<Outcome<IReadOnlyList<ResourceKind>>> HandleAsync(ListResourceKinds query, CancellationToken ct) =>
        new Outcome<IReadOnlyList<ResourceKind>>.Success(await store.ListKindsAsync(query.Business, ct));
}
