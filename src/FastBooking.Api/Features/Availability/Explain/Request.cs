using FastBooking.Api.Common;
using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.Availability.Explain;

public sealed class Request
{
    public string? ServiceId { get; set; }
    public string? StaffId { get; set; }
    public string? Start { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ServiceId).NotEmpty();
            RuleFor(r => r.StaffId).NotEmpty();
            RuleFor(r => r.Start).Instant();
        }
    }
}
