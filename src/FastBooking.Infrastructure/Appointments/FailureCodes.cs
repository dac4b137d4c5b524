using FastBooking.Domain.Availability;

namespace FastBooking.Infrastructure.Appointments;

/// <summary>The stable error codes of booking changes, and how explain reasons become one.</summary>
public static class FailureCodes
{
    public const string NotFound = "not_found";
    public const string SlotTaken = "slot_taken";
    public const string HoldConflict = "hold_conflict";
    public const string LeadTime = "lead_time";
    public const string BookingWindow = "booking_window";
    public const string OffGrid = "off_grid";
    public const string OutsideOpenTime = "outside_open_time";
    public const string ServiceNotOffered = "service_not_offered";
    public const string CancellationCutoff = "cancellation_cutoff";
    public const string RescheduleCutoff = "reschedule_cutoff";
    public const string AlreadyCancelled = "already_cancelled";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string HoldsUnavailable = "holds_unavailable";

    // Most permanent first: when several staff were refused, the answer names the most transient reason,
    // the one closest to success ("someone could, but it is taken").
    private static readonly string[] ByPermanence =
        [OffGrid, LeadTime, BookingWindow, ServiceNotOffered, OutsideOpenTime, HoldConflict, SlotTaken];

    public static AppointmentOutcome.Refused FromReasons(IReadOnlyList<Reason> reasons)
    {
        var code = reasons.Select(CodeOf).OrderBy(c => Array.IndexOf(ByPermanence, c)).First();
        return new AppointmentOutcome.Refused(code, string.Join(" ", reasons.Select(r => r.Detail)));
    }

    public static AppointmentOutcome.Refused MostTransient(IEnumerable<AppointmentOutcome.Refused> refusals) =>
        refusals.OrderByDescending(r => Array.IndexOf(ByPermanence, r.Code)).First();

    private static string CodeOf(Reason r) => r.Code switch
    {
        Reason.OffGrid => OffGrid,
        Reason.LeadTime => LeadTime,
        Reason.BookingWindow => BookingWindow,
        Reason.ServiceNotOffered => ServiceNotOffered,
        Reason.OutsideWorkingHours or Reason.Break or Reason.TimeOff => OutsideOpenTime,
        Reason.Held => HoldConflict,
        _ => SlotTaken,
    };
}
