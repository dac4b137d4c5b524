using FastBooking.Api.Common;
using FastBooking.Domain.Schedules;
using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.Schedules.Overrides.Put;

public sealed class Request
{
    public string? Id { get; set; }
    public string? Date { get; set; }
    public List<TimeRangeDto>? Intervals { get; set; }

    public static Request Example => new() { Id = "00000000-0000-4000-8001-000000000003", Date = "2026-12-24", Intervals = [new() { Start = "09:00", End = "13:00" }] };

    public DateOverride ToOverride() => new(ApiFormats.ParseDate(Date!), Intervals!.Select(i => i.ToRange()).ToList());

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Date).Must(ApiFormats.IsDate).WithMessage("must be a local date yyyy-MM-dd");
            RuleFor(r => r.Intervals).Cascade(CascadeMode.Stop).NotNull().Must(i => i!.Count <= 12).WithMessage("at most 12 intervals a day");
            RuleForEach(r => r.Intervals).NotNull().SetValidator(new TimeRangeDto.Validator());
            RuleFor(r => r.Intervals!).Must(TimeRangeDto.AreDisjoint).WithMessage("intervals must not overlap").When(r => r.Intervals is not null);
        }
    }
}
