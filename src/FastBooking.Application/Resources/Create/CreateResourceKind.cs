using FastBooking.Application.Common;
using FastBooking.Application.Idempotency;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Resources.Create;

public sealed record CreateResourceKind(BusinessId Business, string Name, int Units, IdempotencyKey? IdempotencyKey = null) : IChange;

/// <summary>Adds a kind with its units, numbered 1..n; services may need it from then on.</summary>
public sealed class CreateResourceKindHandler(IResourceStore store) : IChangeHandler<CreateResourceKind, ResourceKind>
{
    public Task<Outcome<ResourceKind>> HandleAsync(CreateResourceKind command, ChangeContext context, CancellationToken ct)
    {
        var kind = new ResourceKind(Guid.CreateVersion7(), command.Name,
            Enumerable.Range(1, command.Units).Select(n => new ResourceUnit(Guid.CreateVersion7(), n)).ToList());
        store.AddKind(command.Business, kind, context.Now);
        context.Record(new CatalogChanged(command.Business));
        return Task.FromResult(Outcome<ResourceKind>.Made(kind));
    }
}
