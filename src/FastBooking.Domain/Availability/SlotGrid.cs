using FastBooking.Domain.Time;
using NodaTime;

namespace FastBooking.Domain.Availability;

/// <summary>
/// Candidate starts of one local date: every multiple of the slot interval from local midnight, mapped to instants.
/// A local time in a DST gap gives none; one in a repeated hour gives both, and the result is in instant order.
/// </summary>
public static class SlotGrid
{
    public static IReadOnlyList<Instant> StartsOn(LocalDay day, int intervalMinutes)
    {
        var starts = new List<Instant>(1440 / intervalMinutes + 4);
        // Most days begin at midnight and keep one offset to their end: local minutes and instants then move together,
        // and the zone need not be asked once per start.
        var zoneInterval = day.Zone.GetZoneInterval(day.Start);
        if ((!zoneInterval.HasEnd || zoneInterval.End >= day.End) && day.Minutes == 1440)
        {
            for (var minute = 0; minute < 1440; minute += intervalMinutes)
                starts.Add(day.Start + Duration.FromMinutes(minute));
            return starts;
        }
        var midnight = day.Date.AtMidnight();
        for (var minute = 0; minute < 1440; minute += intervalMinutes)
        {
            var mapping = day.Zone.MapLocal(midnight.PlusMinutes(minute));
            if (mapping.Count >= 1) starts.Add(mapping.First().ToInstant());
            if (mapping.Count == 2) starts.Add(mapping.Last().ToInstant());
        }
        starts.Sort();
        return starts;
    }

    /// <summary>Whether an instant is a grid start of its own local date.</summary>
    public static bool IsOnGrid(Instant start, DateTimeZone zone, int intervalMinutes)
    {
        var local = start.InZone(zone).TimeOfDay;
        return local.Second == 0 && local.NanosecondOfSecond == 0
            && (local.Hour * 60 + local.Minute) % intervalMinutes == 0;
    }
}
