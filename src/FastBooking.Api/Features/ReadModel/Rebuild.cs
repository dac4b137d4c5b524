using FastBooking.Api.Common;
using FastBooking.Infrastructure.ReadModel;
using FastEndpoints;

namespace FastBooking.Api.Features.ReadModel;

/// <summary>Re-projects the business's staff-days over its booking horizon from PostgreSQL.</summary>
public sealed class Rebuild(StaffProjector projector) : EndpointWithoutRequest
{
    public override void Configure() => Post("/read-model/rebuild");

    public override async Task HandleAsync(CancellationToken ct)
    {
        await projector.RebuildAsync(HttpContext.BusinessId(), ct);
        await Send.NoContentAsync(ct);
    }
}
