using FastBooking.Domain.Appointments;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;

namespace FastBooking.Domain.Availability;

/// <summary>
/// Who gets a booking made for "any staff": among those who can take it, the one with the fewest booked minutes on
/// that local day (spreading the work), then the lowest staff id. The same state always picks the same person.
/// </summary>
public static class AnyStaffPolicy
{
    public static StaffId Choose(IEnumerable<StaffId> bookable, IEnumerable<Appointment> appointments, LocalDay day) =>
        InOrder(bookable, appointments, day).First();

    /// <summary>Everyone who can take it, in the order the policy would pick them (the next one when one is taken meanwhile).</summary>
    public static IReadOnlyList<StaffId> InOrder(IEnumerable<StaffId> bookable, IEnumerable<Appointment> appointments, LocalDay day)
    {
        var booked = appointments
            .GroupBy(a => a.StaffId)
            .ToDictionary(g => g.Key, g => g.Sum(a => BookedMinutesWithin(a, day)));
        return bookable
            .OrderBy(id => booked.GetValueOrDefault(id))
            .ThenBy(id => id)
            .ToList();
    }

    private static long BookedMinutesWithin(Appointment a, LocalDay day)
    {
        var start = a.Booked.Start > day.Start ? a.Booked.Start : day.Start;
        var end = a.Booked.End < day.End ? a.Booked.End : day.End;
        return end > start ? (long)(end - start).TotalMinutes : 0;
    }
}
