using FastBooking.Domain.Availability;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;

namespace FastBooking.Domain.Tests.Support;

public static class Query
{
    /// <summary>The engine's slots for one local date (or a range), "now" well before it unless given.</summary>
    public static IReadOnlyList<Slot> Slots(SalonBuilder salon, Service service, LocalDate date, Instant? now = null, StaffId? staff = null, LocalDate? to = null) =>
        AvailabilityEngine.Find(salon.Search(service, date, to, staff), salon.State, now ?? Dates.NowBefore(date, salon.Zone));

    public static List<string> Starts(SalonBuilder salon, Service service, LocalDate date, Instant? now = null, StaffId? staff = null) =>
        Show.Starts(Slots(salon, service, date, now, staff), salon.Zone);

    /// <summary>"09:00", "09:15", … up to and including <paramref name="last"/>.</summary>
    public static List<string> Every(int minutes, string first, string last)
    {
        var pattern = NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH:mm");
        var result = new List<string>();
        for (var t = pattern.Parse(first).Value; t <= pattern.Parse(last).Value; t = t.PlusMinutes(minutes))
        {
            result.Add(pattern.Format(t));
            if (t.PlusMinutes(minutes) < t) break; // wrapped past midnight
        }
        return result;
    }
}
