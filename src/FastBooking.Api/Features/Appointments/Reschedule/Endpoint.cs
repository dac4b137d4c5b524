using FastBooking.Api.Common;
using FastBooking.Application.Appointments;
using FastBooking.Application.Appointments.Reschedule;
using FastBooking.Application.Common;
using FastEndpoints;

namespace FastBooking.Api.Features.Appointments.Reschedule;

/// <summary>Moves an appointment (same id, version + 1) atomically: to a new start, and optionally to another staff member.</summary>
public sealed class Endpoint(IHandler<RescheduleAppointment, AppointmentAnswer> reschedule) : Endpoint<Request, AppointmentResponse>
{
    public override void Configure()
    {
        Post("/appointments/{id}/reschedule");
        PreProcessor<ReadIdempotencyKey<Request>>();
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = !Versions.TryExpected(HttpContext, out var expected, out var malformed) ? malformed
            : Guid.TryParse(req.Id, out var id)
                ? await reschedule.HandleAsync(new RescheduleAppointment(HttpContext.BusinessId(), id, ApiFormats.ParseInstant(req.Start!),
                    req.StaffId is null ? null : Guid.Parse(req.StaffId), req.HoldToken, expected, HttpContext.IdempotencyKey()), ct)
                : Error.NotFound("No such appointment.");
        await Send.ResultAsync(outcome.ToHttp(AppointmentResponse.From, AppointmentResponse.Headers));
    }
}
