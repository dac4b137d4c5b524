using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Common;
using FastBooking.Application.Resources;
using FastBooking.Application.Resources.List;
using FastEndpoints;

namespace FastBooking.Api.Features.Resources.List;

/// <summary>The business's resource kinds, in id order (a business has a handful: no paging).</summary>
public sealed class Endpoint(IHandler<ListResourceKinds, IReadOnlyList<ResourceKind>> list) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("/resource-kinds");
        Description(d => d.Answers<Response>(StatusCodes.Status200OK), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "List resource kinds";
            s.Description = "Every resource kind of the business in id order, each with its units in number order.";
            s.ResponseExamples[StatusCodes.Status200OK] = new Response([ResourceKindResponse.Example]);
        });
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.ResultAsync((await list.HandleAsync(new ListResourceKinds(HttpContext.BusinessId()), ct))
            .ToHttp(kinds => new Response(kinds.Select(ResourceKindResponse.From).ToList())));
}
