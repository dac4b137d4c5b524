using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Catalog;
using FastBooking.Application.Catalog.Staff.List;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.Staff.List;

/// <summary>The business's active staff, in id order, a page at a time.</summary>
public sealed class Endpoint(IHandler<ListStaff, Page<StaffMember>> list) : Endpoint<Request, PageResponse<StaffResponse>>
{
    public override void Configure()
    {
        Get("/staff");
        Validator<PagingRules.Only<Request>>();
        // Accepts names the query's DTO, without a body: a cleared description would list no query parameter.
        Description(d => d.Accepts<Request>().Answers<PageResponse<StaffResponse>>(StatusCodes.Status200OK), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "List staff";
            s.Description = "The business's active staff in id order, a page at a time: up to `limit` (1–500, default 100) after the `next` token of the page before.";
            s.ResponseExamples[StatusCodes.Status200OK] = Request.ExampleAnswer;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync((await list.HandleAsync(new ListStaff(HttpContext.BusinessId(), req.Page), ct))
            .ToHttp(page => PageResponse<StaffResponse>.From(page, StaffResponse.From)));
}
