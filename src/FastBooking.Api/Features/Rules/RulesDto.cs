using FastBooking.Domain.Businesses;
using FastEndpoints;
using FluentValidation;

namespace FastBooking.Api.Features.Rules;

/// <summary>A business's booking rules as the API shows and takes them.</summary>
public sealed class RulesDto
{
    public int SlotIntervalMinutes { get; set; }
    public int LeadTimeMinutes { get; set; }
    public int BookingWindowDays { get; set; }
    public int CancellationCutoffMinutes { get; set; }
    public int RescheduleCutoffMinutes { get; set; }
    public int HoldTtlSeconds { get; set; }

    public static RulesDto Example => From(BookingRules.Default);

    public static RulesDto From(BookingRules r) => new()
    {
        SlotIntervalMinutes = r.SlotIntervalMinutes, LeadTimeMinutes = r.LeadTimeMinutes, BookingWindowDays = r.BookingWindowDays,
        CancellationCutoffMinutes = r.CancellationCutoffMinutes, RescheduleCutoffMinutes = r.RescheduleCutoffMinutes,
        HoldTtlSeconds = r.HoldTtlSeconds,
    };

    [System.Text.Json.Serialization.JsonIgnore]
    public RuleSettings Settings => new(SlotIntervalMinutes, LeadTimeMinutes, BookingWindowDays,
        CancellationCutoffMinutes, RescheduleCutoffMinutes, HoldTtlSeconds);

    /// <summary>The rules, once the validator has passed the settings.</summary>
    public BookingRules ToRules() => new(Settings);

    /// <summary>The domain states the limits; this only reports them per field.</summary>
    public sealed class Validator : AbstractValidator<RulesDto>
    {
        public Validator() => RuleFor(r => r).Custom((rules, context) =>
        {
            foreach (var (field, message) in rules.Settings.Problems())
                context.AddFailure(field, message);
        });
    }
}
