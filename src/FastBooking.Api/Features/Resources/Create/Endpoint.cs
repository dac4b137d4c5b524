using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Common;
using FastBooking.Application.Resources;
using FastBooking.Application.Resources.Create;
using FastEndpoints;

namespace FastBooking.Api.Features.Resources.Create;

public sealed class Endpoint(IHandler<CreateResourceKind, ResourceKind> create) : Endpoint<Request, ResourceKindResponse>
{
    public override void Configure()
    {
        Post("/resource-kinds");
        PreProcessor<ReadIdempotencyKey<Request>>();
        Description(d => d.Takes<Request>().Answers<ResourceKindResponse>(StatusCodes.Status201Created), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Add a resource kind";
            s.Description = "Adds a kind of shared resource (basins, colour chairs, a treatment room) with its units, numbered from 1. " +
                "A service that needs the kind (`resource` on the service) is offered, held and booked only while one of its units is free; " +
                "a booking is given the lowest-numbered unit free for it. Units are always open, except during their outages.";
            s.ExampleRequest = Request.Example;
            s.ResponseExamples[StatusCodes.Status201Created] = ResourceKindResponse.Example;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync((await create.HandleAsync(new CreateResourceKind(HttpContext.BusinessId(), req.Name!, req.Units, HttpContext.IdempotencyKey()), ct))
            .ToHttp(ResourceKindResponse.From));
}
