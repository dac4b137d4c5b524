using FastBooking.Api.Common;
using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.Holds.Place;

public sealed class Request
{
    public string? ServiceId { get; set; }
    public string? StaffId { get; set; }
    public string? Start { get; set; }

    public static Request Example => new()
    {
        ServiceId = "00000000-0000-4000-8002-000000000001", StaffId = "00000000-0000-4000-8001-000000000003", Start = "2026-12-01T10:00:00+00:00",
    };

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
