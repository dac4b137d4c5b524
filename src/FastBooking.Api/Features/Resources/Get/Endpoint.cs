using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Common;
using FastBooking.Application.Resources;
using FastBooking.Application.Resources.Get;
using FastEndpoints;

namespace FastBooking.Api.Features.Resources.Get;

public sealed class Endpoint(IHandler<GetResourceKind, ResourceKind> get) : Endpoint<Request, ResourceKindResponse>
{
    public override void Configure()
    {
        Get("/resource-kinds/{id}");
        Description(d => d.Answers<ResourceKindResponse>(StatusCodes.Status200OK), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Get a resource kind";
            s.Description = "One resource kind of the business with its units in number order.";
            s.ResponseExamples[StatusCodes.Status200OK] = ResourceKindResponse.Example;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = Guid.TryParse(req.Id, out var id)
            ? await get.HandleAsync(new GetResourceKind(HttpContext.BusinessId(), id), ct)
            : ResourceKind.NotFound;
        await Send.ResultAsync(outcome.ToHttp(ResourceKindResponse.From));
    }
}
