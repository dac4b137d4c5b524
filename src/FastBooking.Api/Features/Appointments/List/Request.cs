using FastBooking.Api.Common;
using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.Appointments.List;

public sealed class Request : PagedRequest
{
    public string? StaffId { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }

    public const int MaxDays = 92;

    public static PageResponse<AppointmentResponse> ExampleAnswer => new([AppointmentResponse.Example], null);

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.StaffId).Must(id => Guid.TryParse(id, out _)).WithMessage("must be a staff id").When(r => r.StaffId is not null);
            this.LocalDateRange(r => r.From, r => r.To, MaxDays);
            this.Paging();
        }
    }
}
