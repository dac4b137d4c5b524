using FastBooking.Api.Common;
using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.Appointments.Reschedule;

public sealed class Request
{
    public string? Id { get; set; }
    public string? Start { get; set; }
    public string? StaffId { get; set; }
    public string? HoldToken { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Start).Instant();
            RuleFor(r => r.StaffId).Must(id => Guid.TryParse(id, out _)).WithMessage("must be a staff id").When(r => r.StaffId is not null);
            RuleFor(r => r.HoldToken).MaximumLength(100);
        }
    }
}
