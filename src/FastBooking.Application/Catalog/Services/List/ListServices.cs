using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Catalog.Services.List;

public sealed record ListServices(BusinessId Business, PageRequest Page);

public sealed class ListServicesHandler(ICatalogStore store) : IHandler<ListServices, Page<ServiceRecord>>
{
    public async Task<Outcome<Page<ServiceRecord>>> HandleAsync(ListServices query, CancellationToken ct) =>
        await store.ListServicesAsync(query.Business, query.Page, ct);
}
