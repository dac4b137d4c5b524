using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Common;
using FastBooking.Application.Visits;
using FastBooking.Application.Visits.Book;
using FastEndpoints;

namespace FastBooking.Api.Features.Visits.Book;

/// <summary>Books several services in sequence, all or none, in one transaction.</summary>
public sealed class Endpoint(IHandler<BookVisit, VisitAnswer> book) : Endpoint<Request, VisitResponse>
{
    public override void Configure()
    {
        Post("/visits");
        PreProcessor<ReadIdempotencyKey<Request>>();
        Description(d => d.Takes<Request>().Answers<VisitResponse>(StatusCodes.Status201Created).Refuses([ErrorCode.NotFound, .. Refusals.StartCodes]),
            clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Book a visit";
            s.Description = "Books a visit: several services in sequence from `start`, each starting when the one before ends, as `GET /v1/availability/visits` offers them. " +
                "Each item is an appointment of its own, with a named staff member or the one the any-staff policy picks (with `sameStaff`, one for all), " +
                "and a unit of the resource it needs; all are booked in one transaction, or none. The grid, lead time and booking window apply to the first start.";
            s.ExampleRequest = Request.Example;
            s.ResponseExamples[StatusCodes.Status201Created] = VisitResponse.Example;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var command = new BookVisit(HttpContext.BusinessId(), req.ToItems(), req.SameStaff, ApiFormats.ParseInstant(req.Start!),
            req.Customer!.ToCustomer(), req.Notes, HttpContext.IdempotencyKey());
        await Send.ResultAsync((await book.HandleAsync(command, ct)).ToHttp(VisitResponse.From));
    }
}
