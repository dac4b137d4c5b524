using FastBooking.Api.Common;
using FastEndpoints;
using FluentValidation;
using NodaTime;

namespace FastBooking.Api.Features.Schedules.TimeOff.Add;

public sealed class Request
{
    public string? Id { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
    public string? Reason { get; set; }

    public static Request Example => new()
    {
        Id = "00000000-0000-4000-8001-000000000003", Start = "2026-12-01T14:00:00+00:00", End = "2026-12-01T18:00:00+00:00", Reason = "Dentist",
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
