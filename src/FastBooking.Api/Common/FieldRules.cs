using FluentValidation;

namespace FastBooking.Api.Common;

/// <summary>The field rules many requests share, worded once.</summary>
public static class FieldRules
{
    public static IRuleBuilderOptions<T, string?> ServiceId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(id => Guid.TryParse(id, out _)).WithMessage("must be a service id");

    /// <summary>A staff id, when given; left out, any qualified staff member.</summary>
    public static IRuleBuilderOptions<T, string?> AnyOrStaffId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(id => id is null || Guid.TryParse(id, out _)).WithMessage("must be a staff id, or be left out for any staff");

    public static IRuleBuilderOptions<T, string?> Instant<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(ApiFormats.IsInstant).WithMessage("must be an ISO-8601 date-time with offset");
}
