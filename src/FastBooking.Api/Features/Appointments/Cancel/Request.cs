using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.Appointments.Cancel;

public sealed class Request
{
    public string? Id { get; set; }
    public string? Reason { get; set; }

    public static Request Example => new() { Id = AppointmentResponse.Example.Id.ToString(), Reason = "Customer is unwell." };

    public static AppointmentResponse ExampleAnswer => AppointmentResponse.Example with
    {
        Status = "cancelled", CancelReason = Example.Reason, Version = 2, UpdatedAt = "2026-11-28T09:30:00+00:00",
    };

    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Reason).MaximumLength(500);
    }
}
