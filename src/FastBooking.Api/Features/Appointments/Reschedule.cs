using FastBooking.Api.Common;
using FastBooking.Infrastructure.Appointments;
using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.Appointments;

public sealed class RescheduleRequest
{
    public string? Id { get; set; }
    public string? Start { get; set; }
    public string? StaffId { get; set; }
    public string? HoldToken { get; set; }

    public sealed class Validator : Validator<RescheduleRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Start).Must(ApiFormats.IsInstant).WithMessage("must be an ISO-8601 date-time with offset");
            RuleFor(r => r.StaffId).Must(id => Guid.TryParse(id, out _)).WithMessage("must be a staff id").When(r => r.StaffId is not null);
            RuleFor(r => r.HoldToken).MaximumLength(100);
        }
    }
}

/// <summary>Moves an appointment (same id, version + 1) atomically: to a new start, and optionally to another staff member.</summary>
public sealed class Reschedule(AppointmentBook book) : Endpoint<RescheduleRequest>
{
    public override void Configure() => Post("/appointments/{id}/reschedule");

    public override async Task HandleAsync(RescheduleRequest req, CancellationToken ct)
    {
        var (key, problem) = OutcomeResult.KeyOf(HttpContext, req);
        if (problem is not null || !Guid.TryParse(req.Id, out var id))
        {
            await Send.ResultAsync(problem ?? Problem.NotFound("No such appointment."));
            return;
        }
        var command = new RescheduleAppointment(id, ApiFormats.ParseInstant(req.Start!), req.StaffId is null ? null : Guid.Parse(req.StaffId), req.HoldToken);
        var outcome = await book.RescheduleAsync(HttpContext.BusinessId(), command, key, AppointmentResponse.Answers, ct);
        await Send.ResultAsync(OutcomeResult.For(outcome, 200));
    }
}
