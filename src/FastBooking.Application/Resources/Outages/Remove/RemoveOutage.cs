using FastBooking.Application.Common;
using FastBooking.Application.Idempotency;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.Resources.Outages.Remove;

/// <param name="OutageId">Null when the request's id is not an id: no such outage, once the unit is found.</param>
public sealed record RemoveOutage(BusinessId Business, Guid UnitId, Guid? OutageId, IdempotencyKey? IdempotencyKey = null) : IChange;

public sealed class RemoveOutageHandler(IResourceStore store) : IChangeHandler<RemoveOutage, Done>
{
    public async Task<Outcome<Done>> HandleAsync(RemoveOutage command, ChangeContext context, CancellationToken ct)
    {
        if (!await store.IsUnitAsync(command.Business, command.UnitId, ct)) return ResourceUnit.NotFound;
        if (command.OutageId is not { } id || !await store.RemoveOutageAsync(command.UnitId, id, ct)) return Error.NotFound("No such outage.");
        context.Record(new ResourceChanged(command.Business, command.UnitId));
        return Done.Value;
    }
}
