using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Appointments;
using FastBooking.Application.Appointments.Book;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.Appointments.Book;

/// <summary>Books a service at a start: with a named staff member or anyone who performs it, optionally confirming a hold.</summary>
public sealed class Endpoint(IHandler<BookAppointment, AppointmentAnswer> book) : Endpoint<Request, AppointmentResponse>
{
    public override void Configure()
    {
        Post("/appointments");
        PreProcessor<ReadIdempotencyKey<Request>>();
        Description(d => d.Takes<Request>().Answers<AppointmentResponse>(StatusCodes.Status201Created).Refuses([ErrorCode.NotFound, .. Refusals.StartCodes]),
            clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Book an appointment";
            s.Description = "Books a service at a start, with a named staff member or, with `staffId` left out, anyone who performs it (the business's any-staff policy picks one), " +
                "optionally confirming a hold placed for the same service, staff member and start.";
            s.ExampleRequest = Request.Example;
            s.ResponseExamples[StatusCodes.Status201Created] = AppointmentResponse.Example;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var command = new BookAppointment(HttpContext.BusinessId(), Guid.Parse(req.ServiceId!), req.StaffId is null ? null : Guid.Parse(req.StaffId),
            ApiFormats.ParseInstant(req.Start!), req.Customer!.ToCustomer(), req.Notes,
            req.HoldToken, HttpContext.IdempotencyKey());
        await Send.ResultAsync((await book.HandleAsync(command, ct)).ToHttp(AppointmentResponse.From, AppointmentResponse.Headers));
    }
}
