using FastBooking.Api.Common;
using FastBooking.Infrastructure.Appointments;
using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.Appointments;

public sealed class CancelRequest
{
    public string? Id { get; set; }
    public string? Reason { get; set; }

    public sealed class Validator : Validator<CancelRequest>
    {
        public Validator() => RuleFor(r => r.Reason).MaximumLength(500);
    }
}

public sealed class Cancel(AppointmentBook book) : Endpoint<CancelRequest>
{
    public override void Configure() => Post("/appointments/{id}/cancel");

    public override async Task HandleAsync(CancelRequest req, CancellationToken ct)
    {
        var (key, problem) = OutcomeResult.KeyOf(HttpContext, req);
        if (problem is not null || !Guid.TryParse(req.Id, out var id))
        {
            await Send.ResultAsync(problem ?? Problem.NotFound("No such appointment."));
            return;
        }
        var outcome = await book.CancelAsync(HttpContext.BusinessId(), new CancelAppointment(id, req.Reason), key, AppointmentResponse.Answers, ct);
        await Send.ResultAsync(OutcomeResult.For(outcome, 200));
    }
}
