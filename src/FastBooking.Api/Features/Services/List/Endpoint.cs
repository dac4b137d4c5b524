using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Catalog;
using FastBooking.Application.Catalog.Services.List;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.Services.List;

/// <summary>The business's active services, in id order, a page at a time.</summary>
public sealed class Endpoint(IHandler<ListServices, Page<ServiceRecord>> list) : Endpoint<Request, PageResponse<ServiceResponse>>
{
    public override void Configure()
    {
        Get("/services");
        Validator<PagingRules.Only<Request>>();
        // Accepts names the query's DTO, without a body: a cleared description would list no query parameter.
        Description(d => d.Accepts<Request>().Answers<PageResponse<ServiceResponse>>(StatusCodes.Status200OK), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "List services";
            s.Description = "The business's active services in id order, a page at a time: up to `limit` (1–500, default 100) after the `next` token of the page before.";
            s.ResponseExamples[StatusCodes.Status200OK] = Request.ExampleAnswer;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync((await list.HandleAsync(new ListServices(HttpContext.BusinessId(), req.Page), ct))
            .ToHttp(page => PageResponse<ServiceResponse>.From(page, ServiceResponse.From)));
}
