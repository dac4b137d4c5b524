using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.Visits.Cancel;

public sealed class Request
{
    public string? Id { get; set; }
    public string? Reason { get; set; }

    public static Request Example => new() { Id = VisitResponse.Example.Id.ToString(), Reason = "Customer is unwell." };

    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Reason).MaximumLength(500);
    }
}
