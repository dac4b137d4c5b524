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
            RuleFor(r => r.ServiceId).ServiceId();
            RuleFor(r => r.StaffId).AnyOrStaffId();
            RuleFor(r => r.Start).Instant();
        }
    }
}
