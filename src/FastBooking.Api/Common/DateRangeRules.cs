using System.Linq.Expressions;
using FluentValidation;

namespace FastBooking.Api.Common;

public static class DateRangeRules
{
    /// <summary>Both ends are local dates (yyyy-MM-dd), in order, spanning at most <paramref name="maxDays"/> days inclusive.</summary>
    public static void LocalDateRange<T>(this AbstractValidator<T> validator,
        Expression<Func<T, string?>> from, Expression<Func<T, string?>> to, int maxDays)
    {
        var fromOf = from.Compile();
        var toOf = to.Compile();
        validator.RuleFor(from).Must(ApiFormats.IsDate).WithMessage("must be a local date yyyy-MM-dd");
        validator.RuleFor(to).Must(ApiFormats.IsDate).WithMessage("must be a local date yyyy-MM-dd");
        validator.RuleFor(to)
            .Must((r, end) => ApiFormats.ParseDate(end!) >= ApiFormats.ParseDate(fromOf(r)!)
                              && ApiFormats.ParseDate(fromOf(r)!).PlusDays(maxDays - 1) >= ApiFormats.ParseDate(end!))
            .WithMessage($"must be on or after from, at most {maxDays} days in all")
            .When(r => ApiFormats.IsDate(fromOf(r)) && ApiFormats.IsDate(toOf(r)));
    }

    /// <summary>Both ends are instants with offsets, the end after the start (time off, outages).</summary>
    public static void InstantRange<T>(this AbstractValidator<T> validator, Expression<Func<T, string?>> start, Expression<Func<T, string?>> end)
    {
        var startOf = start.Compile();
        var endOf = end.Compile();
        validator.RuleFor(start).NotEmpty().Instant();
        validator.RuleFor(end).NotEmpty().Instant();
        validator.RuleFor(end).Must((r, e) => ApiFormats.ParseInstant(e!) > ApiFormats.ParseInstant(startOf(r)!))
            .WithMessage("must be after start").When(r => ApiFormats.IsInstant(startOf(r)) && ApiFormats.IsInstant(endOf(r)));
    }

    /// <summary>The period of two ends <see cref="InstantRange{T}"/> validated.</summary>
    public static NodaTime.Interval Period(string start, string end) => new(ApiFormats.ParseInstant(start), ApiFormats.ParseInstant(end));
}
