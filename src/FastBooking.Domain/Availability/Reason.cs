namespace FastBooking.Domain.Availability;

/// <summary>Why a start is not bookable. <see cref="Code"/> is stable (API clients switch on it); <see cref="Detail"/> is for people.</summary>
public sealed record Reason(string Code, string Detail)
{
    public const string ServiceNotOffered = "service_not_offered";
    public const string OffGrid = "off_grid";
    public const string LeadTime = "lead_time";
    public const string BookingWindow = "booking_window";
    public const string OutsideWorkingHours = "outside_working_hours";
    public const string Break = "break";
    public const string TimeOff = "time_off";
    public const string OverlapsAppointment = "overlaps_appointment";
    public const string Held = "held";
    public const string ResourceUnavailable = "resource_unavailable";
}
