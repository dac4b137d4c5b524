namespace FastBooking.Domain.Services;

/// <summary>
/// One step of a service, in order: its minutes, and whether the staff member is busy during it (application, rinse)
/// or free while the client waits (processing, when the stylist may take another client).
/// </summary>
public sealed record ServicePhase
{
    public ServicePhase(int minutes, bool staffBusy)
    {
        if (minutes < 1) throw new ArgumentOutOfRangeException(nameof(minutes), minutes, "A phase lasts at least a minute.");
        Minutes = minutes;
        StaffBusy = staffBusy;
    }

    public int Minutes { get; }
    public bool StaffBusy { get; }

    /// <summary>Why phases cannot make up a service of this duration (null when they can): they add up to the
    /// duration, one at least keeps the staff member busy, and the duration is the same for every performer.</summary>
    public static string? Problem(IReadOnlyList<ServicePhase> phases, int durationMinutes, bool anyOwnDuration)
    {
        if (phases.Count == 0) return null;
        if (phases.Sum(p => p.Minutes) != durationMinutes) return "the phases' minutes must add up to the service's duration";
        if (!phases.Any(p => p.StaffBusy)) return "at least one phase keeps the staff member busy";
        return anyOwnDuration ? "a service with phases has one duration: no staff member's own duration" : null;
    }
}
