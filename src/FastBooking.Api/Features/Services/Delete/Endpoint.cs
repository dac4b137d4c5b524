using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Catalog;
using FastBooking.Application.Catalog.Services.Delete;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.Services.Delete;

/// <summary>Retires a service: no new bookings; existing appointments keep it.</summary>
public sealed class Endpoint(IHandler<DeleteService, Done> delete) : Endpoint<Request>
{
    public override void Configure()
    {
        Delete("/services/{id}");
        Description(d => d.AnswersNoContent(), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Retire a service";
            s.Description = "Retires an active service: from then on booking, holding or finding availability for it answers 404; existing appointments keep it.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = Guid.TryParse(req.Id, out var id)
            ? await delete.HandleAsync(new DeleteService(HttpContext.BusinessId(), id), ct)
            : ServiceRecord.NotFound;
        await Send.ResultAsync(outcome.ToHttp());
    }
}
