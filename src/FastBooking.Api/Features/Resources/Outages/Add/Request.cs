using FastBooking.Api.Common;
using FastEndpoints;
using FluentValidation;
using NodaTime;

namespace FastBooking.Api.Features.Resources.Outages.Add;

public sealed class Request
{
    public string? Id { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
    public string? Reason { get; set; }

    public static Request Example => new()
    {
        Id = ResourceKindResponse.Example.Units[1].Id.ToString(), Start = "2026-12-01T09:00:00+00:00", End = "2026-12-01T13:00:00+00:00", Reason = "Plumber",
    };

    public Interval ToPeriod() => DateRangeRules.Period(Start!, End!);

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            this.InstantRange(r => r.Start, r => r.End);
            RuleFor(r => r.Reason).MaximumLength(500);
        }
    }
}
