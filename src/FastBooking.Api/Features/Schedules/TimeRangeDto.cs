using System.Text.Json.Serialization;
using FastBooking.Api.Common;
using FastBooking.Domain.Schedules;
using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.Schedules;

/// <summary>A local time range "09:00"–"13:00"; "24:00" ends at midnight.</summary>
public sealed class TimeRangeDto
{
    public string? Start { get; set; }
    public string? End { get; set; }

    [JsonIgnore] public int StartMinute => ApiFormats.ParseMinuteOfDay(Start!);
    [JsonIgnore] public int EndMinute => ApiFormats.ParseMinuteOfDay(End!);

    public LocalTimeRange ToRange() => LocalTimeRange.FromMinutes(StartMinute, EndMinute);

    public static TimeRangeDto From(LocalTimeRange r) =>
        new() { Start = ApiFormats.FormatMinute(r.StartMinute), End = ApiFormats.FormatMinute(r.EndMinute) };

    public sealed class Validator : AbstractValidator<TimeRangeDto>
    {
        public Validator()
        {
            RuleFor(r => r.Start).NotEmpty().Must(s => ApiFormats.IsMinuteOfDay(s) && s != "24:00").WithMessage("must be a local time HH:mm");
            RuleFor(r => r.End).NotEmpty().Must(ApiFormats.IsMinuteOfDay).WithMessage("must be a local time HH:mm (24:00 for midnight)");
            RuleFor(r => r).Must(r => r.StartMinute < r.EndMinute).WithName("end").WithMessage("must be after start")
                .When(r => ApiFormats.IsMinuteOfDay(r.Start) && ApiFormats.IsMinuteOfDay(r.End));
        }
    }

    /// <summary>Ranges of one day must not overlap (touching is fine).</summary>
    public static bool AreDisjoint(IEnumerable<TimeRangeDto> ranges)
    {
        var valid = ranges.Where(r => r is not null && ApiFormats.IsMinuteOfDay(r.Start) && ApiFormats.IsMinuteOfDay(r.End)).OrderBy(r => r.StartMinute).ToList();
        return valid.Zip(valid.Skip(1)).All(p => p.First.EndMinute <= p.Second.StartMinute);
    }
}
