using FastBooking.Application.Common;
using FastBooking.Application.Idempotency;
using FastBooking.Domain.Businesses;
using NodaTime;

namespace FastBooking.Application.Resources.Outages.Add;

public sealed record AddOutage(BusinessId Business, Guid UnitId, Interval Period, string? Reason, IdempotencyKey? IdempotencyKey = null) : IChange;

/// <summary>The new outage with the zone its times are shown in.</summary>
public sealed record OutageAnswer(ResourceOutage Outage, DateTimeZone Zone);

/// <summary>Takes a unit out of service for a period. Appointments already booked on it stay (as with time off).</summary>
public sealed class AddOutageHandler(IResourceStore store, ISchedulingReader reader) : IChangeHandler<AddOutage, OutageAnswer>
{
    public async Task<Outcome<OutageAnswer>> HandleAsync(AddOutage command, ChangeContext context, CancellationToken ct)
    {
        if (!await store.IsUnitAsync(command.Business, command.UnitId, ct)) return ResourceUnit.NotFound;
        var outage = new ResourceOutage(Guid.CreateVersion7(), command.UnitId, command.Period, command.Reason);
        store.AddOutage(outage);
        context.Record(new ResourceChanged(command.Business, command.UnitId));
        var business = await reader.BusinessAsync(command.Business, ct) ?? throw new InvalidOperationException("Authenticated business is missing.");
        return Outcome<OutageAnswer>.Made(new OutageAnswer(outage, business.Zone));
    }
}
