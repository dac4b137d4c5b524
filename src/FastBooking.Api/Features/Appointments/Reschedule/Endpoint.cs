using FastBooking.Api.Common;
using FastBooking.Api.Common.OpenApi;
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
        Description(d => d.Takes<Request>().Answers<AppointmentResponse>(StatusCodes.Status200OK)
            .Refuses([ErrorCode.NotFound, ErrorCode.AlreadyCancelled, ErrorCode.VersionMismatch, ErrorCode.RescheduleCutoff, .. Refusals.StartCodes]), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Reschedule an appointment";
            s.Description = "Moves a confirmed appointment, until its reschedule cut-off (`rescheduleCutoffMinutes` before its start), to a new start and optionally " +
                "to another staff member, or confirms a hold with `holdToken` (for the appointment's service, that start and, when named, that staff member). " +
                "The new start is checked as a booking would be, ignoring the appointment's own time; the id stays, the version goes up by one, " +
                "and the old time is never free before the new one is taken.";
            s.ExampleRequest = Request.Example;
            s.ResponseExamples[StatusCodes.Status200OK] = Request.ExampleAnswer;
        });
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
