using FastBooking.Api.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.Services;

public sealed class IdRequest
{
    public string? Id { get; set; }
}

public sealed class Get(ServiceStore services) : Endpoint<IdRequest, ServiceResponse>
{
    public override void Configure() => Get("/services/{id}");

    public override async Task HandleAsync(IdRequest req, CancellationToken ct)
    {
        var row = await services.FindAsync(HttpContext.BusinessId().Value, req.Id, ct);
        if (row is null) await Send.ResultAsync(Problem.NotFound("No such service."));
        else await Send.OkAsync(ServiceResponse.From(row), ct);
    }
}
