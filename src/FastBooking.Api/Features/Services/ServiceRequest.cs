using FastBooking.Application.Catalog;
using FastBooking.Domain.Services;
using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.Services;

/// <summary>The body of create and update: a service with who performs it.</summary>
public sealed class ServiceRequest
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public int DurationMinutes { get; set; }
    public int BufferBeforeMinutes { get; set; }
    public int BufferAfterMinutes { get; set; }
    public decimal? Price { get; set; }
    public List<StaffDto>? Staff { get; set; }
    /// <summary>Optional, in order: the steps that make up the duration; a phase with <c>staffBusy: false</c> is
    /// processing time, in which the staff member may take another client.</summary>
    public List<PhaseDto>? Phases { get; set; }
    /// <summary>Optional: a unit of a resource kind the service needs, for its whole length or one phase (from 0).</summary>
    public ResourceDto? Resource { get; set; }

    public static ServiceRequest Example => new()
    {
        Id = "00000000-0000-4000-8002-000000000001", Name = "Haircut", DurationMinutes = 30, BufferBeforeMinutes = 0, BufferAfterMinutes = 5, Price = 25m,
        Staff = [new() { StaffId = "00000000-0000-4000-8001-000000000003" }, new() { StaffId = "00000000-0000-4000-8001-000000000005", DurationMinutes = 45 }],
    };

    public sealed class PhaseDto
    {
        public int Minutes { get; set; }
        public bool? StaffBusy { get; set; }
    }

    public sealed class ResourceDto
    {
        public string? KindId { get; set; }
        public int? Phase { get; set; }
    }

    public sealed class StaffDto
    {
        public string? StaffId { get; set; }
        public int? DurationMinutes { get; set; }
    }

    public ServiceDefinition ToDefinition() => new(Name!, DurationMinutes, BufferBeforeMinutes, BufferAfterMinutes, Price,
        Staff!.Select(s => new Performer(Guid.Parse(s.StaffId!), s.DurationMinutes)).ToList(), PhasesOf(this),
        Resource is { } need ? new ServiceResource(Guid.Parse(need.KindId!), need.Phase) : null);

    private static List<ServicePhase> PhasesOf(ServiceRequest r) =>
        r.Phases?.Select(p => new ServicePhase(p.Minutes, p.StaffBusy!.Value)).ToList() ?? [];

    private static string? PhaseProblem(ServiceRequest r) =>
        ServicePhase.Problem(PhasesOf(r), r.DurationMinutes, r.Staff?.Any(s => s?.DurationMinutes is not null) == true);

    public sealed class Validator : Validator<ServiceRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
            RuleFor(r => r.DurationMinutes).InclusiveBetween(1, 1440);
            RuleFor(r => r.BufferBeforeMinutes).InclusiveBetween(0, 720);
            RuleFor(r => r.BufferAfterMinutes).InclusiveBetween(0, 720);
            RuleFor(r => r.Price).GreaterThanOrEqualTo(0).LessThan(10_000_000_000m);
            RuleFor(r => r.Staff).NotNull();
            RuleFor(r => r.Staff!).Must(s => s.Select(x => x?.StaffId).Distinct().Count() == s.Count)
                .WithMessage("a staff member may appear once").When(r => r.Staff is not null);
            RuleFor(r => r.Phases!).Must(p => p.Count <= 10).WithMessage("a service has at most 10 phases").When(r => r.Phases is not null);
            RuleForEach(r => r.Phases).NotNull().ChildRules(p =>
            {
                p.RuleFor(x => x.Minutes).InclusiveBetween(1, 1440);
                p.RuleFor(x => x.StaffBusy).NotNull();
            });
            RuleFor(r => r).Must(r => PhaseProblem(r) is null).OverridePropertyName("phases").WithMessage(r => PhaseProblem(r))
                .When(r => r.Phases is { Count: > 0 and <= 10 } && r.Phases.All(p => p is { Minutes: >= 1 and <= 1440, StaffBusy: not null }));
            RuleFor(r => r.Resource!.KindId).Must(id => Guid.TryParse(id, out _)).WithMessage("must be a resource kind id")
                .OverridePropertyName("resource.kindId").When(r => r.Resource is not null);
            RuleFor(r => r.Resource!.Phase).Must((r, phase) => phase >= 0 && phase < (r.Phases?.Count ?? 0))
                .WithMessage("must be the number (from 0) of one of the service's phases").OverridePropertyName("resource.phase")
                .When(r => r.Resource?.Phase is not null);
            RuleForEach(r => r.Staff).NotNull().ChildRules(s =>
            {
                s.RuleFor(x => x.StaffId).Must(id => Guid.TryParse(id, out _)).WithMessage("must be a staff id");
                s.RuleFor(x => x.DurationMinutes).InclusiveBetween(1, 1440);
            });
        }
    }
}
