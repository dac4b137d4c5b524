using FastBooking.Application.Common;
using FastBooking.Application.Idempotency;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Catalog.Services.Delete;

public sealed record DeleteService(BusinessId Business, Guid ServiceId, IdempotencyKey? IdempotencyKey = null) : IChange;

/// <summary>Retires a service: no new bookings; existing appointments keep it.</summary>
public sealed class DeleteServiceHandler(ICatalogStore store) : IChangeHandler<DeleteService, Done>
{
    public async Task<Outcome<Done>> HandleAsync(DeleteService command, ChangeContext context, CancellationToken ct)
    {
        if (await store.FindServiceAsync(command.Business, command.ServiceId, ct) is null) return ServiceRecord.NotFound;
        store.DeleteService(command.ServiceId);
        context.Record(new CatalogChanged(command.Business));
        return Done.Value;
    }
}
