using FastBooking.Domain.Appointments;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using NodaTime;

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
    public static IReadOnlyList<StaffId> InOrder(IEnumerable<StaffId> bookable, IEnumerable<Appointment> appointments, LocalDay day) =>
        InOrderOfBooked(bookable, appointments.Select(a => (a.StaffId, a.Booked)), day);

    /// <summary>The same order, from who is booked when (appointments, and a visit's items planned so far).</summary>
    public static IReadOnlyList<StaffId> InOrderOfBooked(IEnumerable<StaffId> bookable, IEnumerable<(StaffId Staff, Interval Booked)> appointments, LocalDay day)
    {
        var booked = appointments
            .GroupBy(a => a.Staff)
            .ToDictionary(g => g.Key, g => g.Sum(a => BookedMinutesWithin(a.Booked, day)));
        return bookable
            .OrderBy(id => booked.GetValueOrDefault(id))
            .ThenBy(id => id)
            .ToList();
    }

    private static long BookedMinutesWithin(Interval booked, LocalDay day)
    {
        var start = booked.Start > day.Start ? booked.Start : day.Start;
        var end = booked.End < day.End ? booked.End : day.End;
        return end > start ? (long)(end - start).TotalMinutes : 0;
    }
}
