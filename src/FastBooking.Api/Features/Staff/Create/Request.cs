using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.Staff.Create;

public sealed class Request
{
    public string? Name { get; set; }

    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
    }
}
