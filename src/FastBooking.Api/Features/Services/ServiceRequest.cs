using FastBooking.Application.Catalog;
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

    public static ServiceRequest Example => new()
    {
        Id = "00000000-0000-4000-8002-000000000001", Name = "Haircut", DurationMinutes = 30, BufferBeforeMinutes = 0, BufferAfterMinutes = 5, Price = 25m,
        Staff = [new() { StaffId = "00000000-0000-4000-8001-000000000003" }, new() { StaffId = "00000000-0000-4000-8001-000000000005", DurationMinutes = 45 }],
    };

    public sealed class StaffDto
    {
        public string? StaffId { get; set; }
        public int? DurationMinutes { get; set; }
    }

    public ServiceDefinition ToDefinition() => new(Name!, DurationMinutes, BufferBeforeMinutes, BufferAfterMinutes, Price,
        Staff!.Select(s => new Performer(Guid.Parse(s.StaffId!), s.DurationMinutes)).ToList());

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
            RuleForEach(r => r.Staff).NotNull().ChildRules(s =>
            {
                s.RuleFor(x => x.StaffId).Must(id => Guid.TryParse(id, out _)).WithMessage("must be a staff id");
                s.RuleFor(x => x.DurationMinutes).InclusiveBetween(1, 1440);
            });
        }
    }
}
