using FastBooking.Application.Schedules;
using FastEndpoints;
using FluentValidation;
using NodaTime;

namespace FastBooking.Api.Features.Schedules.WeeklyRanges;

/// <summary>A whole week of ranges (working hours or breaks); a weekday left out has none.</summary>
public sealed class Request
{
    public string? Id { get; set; }
    public List<DayDto>? Days { get; set; }

    public static Request WorkingHoursExample => MondayToSaturday(("09:00", "18:00"));
    public static Request SplitShiftExample => MondayToSaturday(("08:00", "12:00"), ("15:00", "20:00"));
    public static Request BreaksExample => MondayToSaturday(("13:00", "14:00"));
    public static Request NoBreaksExample => new() { Id = WorkingHoursExample.Id, Days = [] };

    private static Request MondayToSaturday(params (string Start, string End)[] ranges) => new()
    {
        Id = "00000000-0000-4000-8001-000000000003",
        Days = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday" }
            .Select(d => new DayDto { Weekday = d, Intervals = ranges.Select(r => new TimeRangeDto { Start = r.Start, End = r.End }).ToList() }).ToList(),
    };

    public sealed class DayDto
    {
        public string? Weekday { get; set; }
        public List<TimeRangeDto>? Intervals { get; set; }

        [System.Text.Json.Serialization.JsonIgnore]
        public IsoDayOfWeek Day => Enum.Parse<IsoDayOfWeek>(Weekday!, ignoreCase: true);

        public DayRanges ToDay() => new(Day, Intervals!.Select(i => i.ToRange()).ToList());
    }

    // Exact names only: Enum.TryParse would also take "1" or "monday,tuesday" (the flags of another day).
    public static bool IsWeekday(string? text) =>
        text is not null && Enum.GetNames<IsoDayOfWeek>().Any(n => n != nameof(IsoDayOfWeek.None) && n.Equals(text, StringComparison.OrdinalIgnoreCase));

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Days).NotNull();
            RuleFor(r => r.Days!).Must(days => days.Where(d => IsWeekday(d?.Weekday)).GroupBy(d => d.Day).All(g => g.Count() == 1))
                .WithMessage("each weekday may appear once").When(r => r.Days is not null);
            RuleForEach(r => r.Days).NotNull().ChildRules(day =>
            {
                day.RuleFor(d => d.Weekday).Must(IsWeekday).WithMessage("must be a weekday name, e.g. monday");
                day.RuleFor(d => d.Intervals).Cascade(CascadeMode.Stop).NotNull().Must(i => i!.Count <= 12).WithMessage("at most 12 intervals a day");
                day.RuleForEach(d => d.Intervals).NotNull().SetValidator(new TimeRangeDto.Validator());
                day.RuleFor(d => d.Intervals!).Must(TimeRangeDto.AreDisjoint).WithMessage("intervals of one day must not overlap")
                    .When(d => d.Intervals is not null);
            });
        }
    }
}
