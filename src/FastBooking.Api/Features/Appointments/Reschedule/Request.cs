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

    public static Request Example => new()
    {
        Id = AppointmentResponse.Example.Id.ToString(), Start = "2026-12-01T11:00:00+00:00", StaffId = "00000000-0000-4000-8001-000000000002",
    };

    public static AppointmentResponse ExampleAnswer => AppointmentResponse.Example with
    {
        StaffId = Guid.Parse(Example.StaffId!), Start = Example.Start!, End = "2026-12-01T11:30:00+00:00", Version = 2,
        UpdatedAt = "2026-11-28T09:30:00+00:00",
    };

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
