using FastBooking.Application.Common;
using FastBooking.Application.Idempotency;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Catalog.Services.Create;

public sealed record CreateService(BusinessId Business, ServiceDefinition Definition, IdempotencyKey? IdempotencyKey = null) : IChange;

/// <summary>Adds an active service, performed by active staff of the business only.</summary>
public sealed class CreateServiceHandler(ICatalogStore store) : IChangeHandler<CreateService, ServiceRecord>
{
    public async Task<Outcome<ServiceRecord>> HandleAsync(CreateService command, ChangeContext context, CancellationToken ct)
    {
        if (await command.Definition.ProblemAsync(store, command.Business, ct) is { } problem) return problem;
        var service = new ServiceRecord(Guid.CreateVersion7(), command.Definition);
        store.AddService(command.Business, service, context.Now);
        context.Record(new CatalogChanged(command.Business));
        return Outcome<ServiceRecord>.Made(service);
    }
}
