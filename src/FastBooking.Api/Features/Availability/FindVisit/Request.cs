using FastBooking.Api.Common;
using FastBooking.Domain.Visits;
using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.Availability.FindVisit;

public sealed class Request
{
    /// <summary>The visit's services in order, comma-separated (1 to 5; a service may repeat).</summary>
    public string? ServiceIds { get; set; }

    /// <summary>Per service, comma-separated: a staff id or "any" (default: "any" for every item).</summary>
    public string? StaffIds { get; set; }

    /// <summary>"true": one staff member takes every item.</summary>
    public string? SameStaff { get; set; }

    public string? From { get; set; }
    public string? To { get; set; }
    public string? TimeZone { get; set; }

    /// <summary>Operators' switch: "redis" or "postgres" forces a read path (default: Redis when usable).</summary>
    public string? Source { get; set; }

    public const int MaxDays = 31;

    public IReadOnlyList<string> ServiceList => Split(ServiceIds);
    public IReadOnlyList<string> StaffList => Split(StaffIds);

    private static string[] Split(string? list) => list is null ? [] : list.Split(',', StringSplitOptions.TrimEntries);

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ServiceIds).NotEmpty()
                .Must((r, ids) => r.ServiceList.Count is >= 1 and <= VisitSearch.MaxItems && r.ServiceList.All(id => Guid.TryParse(id, out _)))
                .WithMessage($"must be 1 to {VisitSearch.MaxItems} comma-separated service ids");
            RuleFor(r => r.StaffIds)
                .Must((r, staff) => r.StaffList.Count == r.ServiceList.Count && r.StaffList.All(s => AvailabilityQuery.TryStaff(s, out _)))
                .WithMessage("must name, per service, a staff id or any")
                .When(r => r.StaffIds is not null);
            RuleFor(r => r.SameStaff).Must(v => v is "true" or "false").WithMessage("must be true or false").When(r => r.SameStaff is not null);
            this.LocalDateRange(r => r.From, r => r.To, MaxDays);
            RuleFor(r => r.TimeZone).Must(ApiFormats.IsZone).WithMessage("must be an IANA time zone id").When(r => r.TimeZone is not null);
            RuleFor(r => r.Source).Must(s => s is "redis" or "postgres").WithMessage("must be redis or postgres").When(r => r.Source is not null);
        }
    }
}
