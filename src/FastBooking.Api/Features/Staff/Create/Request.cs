using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.Staff.Create;

public sealed class Request
{
    public string? Name { get; set; }

    public static Request Example => new() { Name = StaffResponse.Example.Name };

    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
    }
}
