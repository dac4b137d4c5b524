using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;

namespace FastBooking.Application.ReadModel.Rebuild;

public sealed record RebuildReadModel(BusinessId Business);

/// <summary>Re-projects the business's staff-days over its booking horizon from PostgreSQL.</summary>
public sealed class RebuildReadModelHandler(IStaffProjector projector) : IHandler<RebuildReadModel, Done>
{
    public async Task<Outcome<Done>> HandleAsync(RebuildReadModel command, CancellationToken ct) =>
        await projector.RebuildAsync(command.Business, ct)
            ? Done.Value
            : new Error(ErrorCode.Unavailable, "Redis did not take the rebuilt bitmaps; nothing was lost. Retry shortly.");
}
