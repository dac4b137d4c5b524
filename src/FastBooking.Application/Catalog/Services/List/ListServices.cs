using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Catalog.Services.List;

public sealed record ListServices(BusinessId Business);

public sealed class ListServicesHandler(ICatalogStore store) : IHandler<ListServices, ServiceList>
{
    public async Task<Outcome<ServiceList>> HandleAsync(ListServices query, CancellationToken ct) =>
        new ServiceList(await store.ListServicesAsync(query.Business, ct));
}
