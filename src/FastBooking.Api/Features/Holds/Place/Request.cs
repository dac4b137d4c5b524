using FastBooking.Api.Common;
using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.Holds.Place;

public sealed class Request
{
    public string? ServiceId { get; set; }
    public string? StaffId { get; set; }
    public string? Start { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ServiceId).Must(id => Guid.TryParse(id, out _)).WithMessage("must be a service id");
            RuleFor(r => r.StaffId).Must(id => Guid.TryParse(id, out _)).WithMessage("must be a staff id, or be left out for any staff")
                .When(r => r.StaffId is not null);
            RuleFor(r => r.Start).Must(ApiFormats.IsInstant).WithMessage("must be an ISO-8601 date-time with offset");
        }
    }
}
