using NodaTime;

namespace FastBooking.Domain.Businesses;

/// <summary>A business's booking rules, in the whole units the API speaks. Defaults follow the scheduling contract.</summary>
public sealed record BookingRules(
    int SlotIntervalMinutes,
    int LeadTimeMinutes,
    int BookingWindowDays,
    int CancellationCutoffMinutes,
    int RescheduleCutoffMinutes,
    int HoldTtlSeconds)
{
    public static BookingRules Default { get; } = new(15, 60, 60, 24 * 60, 24 * 60, 300);

    public Duration SlotInterval => Duration.FromMinutes(SlotIntervalMinutes);
    public Duration LeadTime => Duration.FromMinutes(LeadTimeMinutes);
    public Duration BookingWindow => Duration.FromDays(BookingWindowDays);
    public Duration CancellationCutoff => Duration.FromMinutes(CancellationCutoffMinutes);
    public Duration RescheduleCutoff => Duration.FromMinutes(RescheduleCutoffMinutes);
    public Duration HoldTtl => Duration.FromSeconds(HoldTtlSeconds);

    /// <summary>Every broken constraint as (field, message); empty when the rules are usable.</summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        // The grid restarts at every local midnight, so an interval must divide the day to be the same grid every day.
        if (SlotIntervalMinutes is < 1 or > 1440 || 1440 % SlotIntervalMinutes != 0)
            yield return ("slotIntervalMinutes", "must be a whole number of minutes that divides 1440 (e.g. 5, 10, 15, 30, 60)");
        if (LeadTimeMinutes is < 0 or > 525_600)
            yield return ("leadTimeMinutes", "must be between 0 and 525600");
        if (BookingWindowDays is < 1 or > 730)
            yield return ("bookingWindowDays", "must be between 1 and 730");
        if (CancellationCutoffMinutes is < 0 or > 525_600)
            yield return ("cancellationCutoffMinutes", "must be between 0 and 525600");
        if (RescheduleCutoffMinutes is < 0 or > 525_600)
            yield return ("rescheduleCutoffMinutes", "must be between 0 and 525600");
        if (HoldTtlSeconds is < 10 or > 3600)
            yield return ("holdTtlSeconds", "must be between 10 and 3600");
    }
}
