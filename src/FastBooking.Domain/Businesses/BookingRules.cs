using NodaTime;

namespace FastBooking.Domain.Businesses;

/// <summary>Booking rules as a business asks for them, in the whole units the API speaks, before they are checked.</summary>
public readonly record struct RuleSettings(
    int SlotIntervalMinutes,
    int LeadTimeMinutes,
    int BookingWindowDays,
    int CancellationCutoffMinutes,
    int RescheduleCutoffMinutes,
    int HoldTtlSeconds)
{
    /// <summary>Every broken constraint as (field, message); empty when the settings make usable rules.</summary>
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

/// <summary>
/// A business's booking rules: valid by construction (as NodaTime's types are), so nothing downstream re-checks them.
/// Defaults follow the scheduling contract.
/// </summary>
public sealed record BookingRules
{
    public BookingRules(RuleSettings settings)
    {
        var problems = settings.Problems().ToList();
        if (problems.Count > 0)
            throw new ArgumentException("Unusable booking rules: " + string.Join("; ", problems.Select(p => $"{p.Field} {p.Message}")), nameof(settings));
        Settings = settings;
    }

    public BookingRules(int slotIntervalMinutes, int leadTimeMinutes, int bookingWindowDays, int cancellationCutoffMinutes,
        int rescheduleCutoffMinutes, int holdTtlSeconds)
        : this(new RuleSettings(slotIntervalMinutes, leadTimeMinutes, bookingWindowDays, cancellationCutoffMinutes, rescheduleCutoffMinutes, holdTtlSeconds))
    {
    }

    public static BookingRules Default { get; } = new(15, 60, 60, 24 * 60, 24 * 60, 300);

    public RuleSettings Settings { get; }

    public int SlotIntervalMinutes => Settings.SlotIntervalMinutes;
    public int LeadTimeMinutes => Settings.LeadTimeMinutes;
    public int BookingWindowDays => Settings.BookingWindowDays;
    public int CancellationCutoffMinutes => Settings.CancellationCutoffMinutes;
    public int RescheduleCutoffMinutes => Settings.RescheduleCutoffMinutes;
    public int HoldTtlSeconds => Settings.HoldTtlSeconds;

    public Duration SlotInterval => Duration.FromMinutes(SlotIntervalMinutes);
    public Duration LeadTime => Duration.FromMinutes(LeadTimeMinutes);
    public Duration BookingWindow => Duration.FromDays(BookingWindowDays);
    public Duration CancellationCutoff => Duration.FromMinutes(CancellationCutoffMinutes);
    public Duration RescheduleCutoff => Duration.FromMinutes(RescheduleCutoffMinutes);
    public Duration HoldTtl => Duration.FromSeconds(HoldTtlSeconds);
}
