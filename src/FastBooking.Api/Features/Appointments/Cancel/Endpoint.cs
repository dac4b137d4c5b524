using FastBooking.Api.Common;
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
