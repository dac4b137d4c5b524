using FastBooking.Api.Common;
using FastBooking.Api.Features.Rules;
using FastBooking.Application.Catalog.Businesses.Create;
using FastBooking.Domain.Businesses;
using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.Businesses.Create;

public sealed class Request
{
    public string? Name { get; set; }
    public string? TimeZone { get; set; }
    public RulesDto? Rules { get; set; }

    public static Request Example => new() { Name = "Northside Barbers", TimeZone = "Europe/London", Rules = RulesDto.Example };

    public CreateBusiness ToCommand() => new(Name!, ApiFormats.Zone(TimeZone)!, Rules?.ToRules() ?? BookingRules.Default);

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
            RuleFor(r => r.TimeZone).NotEmpty().Must(ApiFormats.IsZone).WithMessage("must be an IANA time zone id, e.g. Europe/Paris");
            RuleFor(r => r.Rules!).SetValidator(new RulesDto.Validator()).When(r => r.Rules is not null);
        }
    }
}
