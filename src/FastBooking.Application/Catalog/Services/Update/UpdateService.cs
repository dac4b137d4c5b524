using FastBooking.Application.Common;
using FastBooking.Application.Idempotency;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Catalog.Services.Update;

public sealed record UpdateService(BusinessId Business, Guid ServiceId, ServiceDefinition Definition, IdempotencyKey? IdempotencyKey = null)
    : IChange;

/// <summary>Replaces an active service's definition, who performs it included; booked appointments keep their times.</summary>
public sealed class UpdateServiceHandler(ICatalogStore store) : IChangeHandler<UpdateService, ServiceRecord>
{
    public async Task<Outcome<ServiceRecord>> HandleAsync(UpdateService command, ChangeContext context, CancellationToken ct)
    {
        if (await store.FindServiceAsync(command.Business, command.ServiceId, ct) is null) return ServiceRecord.NotFound;
        if (await command.Definition.ProblemAsync(store, command.Business, ct) is { } problem) return problem;
        var service = new ServiceRecord(command.ServiceId, command.Definition);
        store.UpdateService(service);
        context.Record(new CatalogChanged(command.Business));
        return service;
    }
}
