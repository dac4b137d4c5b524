using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
using FastBooking.Application.Appointments;
using FastBooking.Application.Appointments.Cancel;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.Appointments.Cancel;

/// <summary>Cancels a confirmed appointment before its cancellation cut-off.</summary>
public sealed class Endpoint(IHandler<CancelAppointment, AppointmentAnswer> cancel) : Endpoint<Request, AppointmentResponse>
{
    public override void Configure()
    {
        Post("/appointments/{id}/cancel");
        PreProcessor<ReadIdempotencyKey<Request>>();
        Description(d => d.Takes<Request>().Answers<AppointmentResponse>(StatusCodes.Status200OK)
            .Refuses(ErrorCode.AlreadyCancelled, ErrorCode.VersionMismatch, ErrorCode.CancellationCutoff), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Cancel an appointment";
            s.Description = "Cancels a confirmed appointment until its cancellation cut-off (`cancellationCutoffMinutes` before its start), with an optional reason; " +
                "its time is free again from then on. Send `{}` for no reason: the body is required.";
            s.ExampleRequest = Request.Example;
            s.ResponseExamples[StatusCodes.Status200OK] = Request.ExampleAnswer;
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = !Versions.TryExpected(HttpContext, out var expected, out var malformed) ? malformed
            : Guid.TryParse(req.Id, out var id)
                ? await cancel.HandleAsync(new CancelAppointment(HttpContext.BusinessId(), id, req.Reason, expected, HttpContext.IdempotencyKey()), ct)
                : Error.NotFound("No such appointment.");
        await Send.ResultAsync(outcome.ToHttp(AppointmentResponse.From, AppointmentResponse.Headers));
    }
}
