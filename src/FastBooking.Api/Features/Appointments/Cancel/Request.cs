using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.Appointments.Cancel;

public sealed class Request
{
    public string? Id { get; set; }
    public string? Reason { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Reason).MaximumLength(500);
    }
}
