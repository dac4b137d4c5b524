using FastBooking.Api.Common;
using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.Availability.Find;

public sealed class Request
{
    public string? ServiceId { get; set; }
    public string? StaffId { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? TimeZone { get; set; }

    /// <summary>"full" (default): every slot with its staff; "times": start times per local date.</summary>
    public string? View { get; set; }

    /// <summary>Operators' switch: "redis" or "postgres" forces a read path (default: Redis when usable).</summary>
    public string? Source { get; set; }

    public const int MaxDays = 31;

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ServiceId).NotEmpty();
            this.LocalDateRange(r => r.From, r => r.To, MaxDays);
            RuleFor(r => r.TimeZone).Must(ApiFormats.IsZone).WithMessage("must be an IANA time zone id").When(r => r.TimeZone is not null);
            RuleFor(r => r.View).Must(v => v is "full" or "times").WithMessage("must be full or times").When(r => r.View is not null);
            RuleFor(r => r.Source).Must(s => s is "redis" or "postgres").WithMessage("must be redis or postgres").When(r => r.Source is not null);
        }
    }
}
