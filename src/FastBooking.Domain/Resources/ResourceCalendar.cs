using FastBooking.Domain.Schedules;
using FastBooking.Domain.Staff;
using NodaTime;

namespace FastBooking.Domain.Resources;

/// <summary>
/// A resource unit's free time has the shape of a staff member's: open time minus what appointments keep it busy with.
/// So a unit travels the read model as a calendar of its own, keyed by its id where a staff member's id would be — the
/// same projection, bitmaps, hold sets and scans serve both (decision record 0008). A unit is always open, except
/// during its outages: a salon's basins are there whenever a stylist works, and staff hours already bound a booking.
/// </summary>
public static class ResourceCalendar
{
    private static readonly WeeklyHours AlwaysOpen =
        WeeklyHours.Every(Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None), LocalTimeRange.Of(0, 0, 24, 0));

    /// <summary>The schedule of a unit: open every day all day, closed during its outages.</summary>
    public static StaffSchedule Of(Guid unitId, IReadOnlyList<TimeOff> outages) =>
        new(new StaffId(unitId), AlwaysOpen, WeeklyHours.None, outages, new Dictionary<LocalDate, DateOverride>());
}
