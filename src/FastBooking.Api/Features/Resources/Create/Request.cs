using FastBooking.Application.Resources;
using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.Resources.Create;

public sealed class Request
{
    public string? Name { get; set; }
    /// <summary>How many units the kind has (1–50), numbered from 1.</summary>
    public int Units { get; set; }

    public static Request Example => new() { Name = ResourceKindResponse.Example.Name, Units = 2 };

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
            RuleFor(r => r.Units).InclusiveBetween(1, ResourceKind.MaxUnits);
        }
    }
}
