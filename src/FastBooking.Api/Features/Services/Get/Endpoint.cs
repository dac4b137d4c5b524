using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Catalog;
using FastBooking.Application.Catalog.Services.Get;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.Services.Get;

public sealed class Endpoint(IHandler<GetService, ServiceRecord> get) : Endpoint<Request, ServiceResponse>
{
    public override void Configure()
    {
        Get("/services/{id}");
        Description(d => d.Answers<ServiceResponse>(StatusCodes.Status200OK), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Get a service";
            s.Description = "An active service of the business with who performs it; a retired one is not found.";
            s.ResponseExamples[StatusCodes.Status200OK] = ServiceResponse.Example;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = Guid.TryParse(req.Id, out var id)
            ? await get.HandleAsync(new GetService(HttpContext.BusinessId(), id), ct)
            : ServiceRecord.NotFound;
        await Send.ResultAsync(outcome.ToHttp(ServiceResponse.From));
    }
}
