using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Catalog.Services.Get;

public sealed record GetService(BusinessId Business, Guid ServiceId);

public sealed class GetServiceHandler(ICatalogStore store) : IHandler<GetService, ServiceRecord>
{
    public async Task<Outcome<ServiceRecord>> HandleAsync(GetService query, CancellationToken ct) =>
        await store.FindServiceAsync(query.Business, query.ServiceId, ct) is { } service ? service : ServiceRecord.NotFound;
}
