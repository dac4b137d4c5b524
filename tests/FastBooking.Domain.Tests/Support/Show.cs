using FastBooking.Domain.Availability;
using NodaTime;
using NodaTime.Text;

namespace FastBooking.Domain.Tests.Support;

/// <summary>Slots and instants as the wall-clock text a person would read, so assertions read like the contract.</summary>
public static class Show
{
    private static readonly ZonedDateTimePattern Time = ZonedDateTimePattern.CreateWithInvariantCulture("HH:mm", null);
    private static readonly ZonedDateTimePattern TimeWithOffset = ZonedDateTimePattern.CreateWithInvariantCulture("HH:mmo<+HH:mm>", null);
    private static readonly ZonedDateTimePattern DateTime = ZonedDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm", null);

    /// <summary>"09:00".</summary>
    public static string Local(Instant instant, DateTimeZone zone) => Time.Format(instant.InZone(zone));

    /// <summary>"01:30+01:00": tells the two occurrences of a repeated hour apart.</summary>
    public static string LocalWithOffset(Instant instant, DateTimeZone zone) => TimeWithOffset.Format(instant.InZone(zone));

    public static string LocalDateTime(Instant instant, DateTimeZone zone) => DateTime.Format(instant.InZone(zone));

    public static List<string> Starts(IEnumerable<Slot> slots, DateTimeZone zone) => slots.Select(s => Local(s.Start, zone)).ToList();

    public static List<string> StartsWithOffset(IEnumerable<Slot> slots, DateTimeZone zone) =>
        slots.Select(s => LocalWithOffset(s.Start, zone)).ToList();

    /// <summary>"09:00–09:45".</summary>
    public static List<string> Ranges(IEnumerable<Slot> slots, DateTimeZone zone) =>
        slots.Select(s => $"{Local(s.Start, zone)}–{Local(s.End, zone)}").ToList();

    /// <summary>Every field of every slot, for exact comparison.</summary>
    public static List<string> Exactly(IEnumerable<Slot> slots) =>
        slots.Select(s => $"{s.Start}/{s.End}/{string.Join(",", s.StaffIds)}").ToList();

    /// <summary>Every field of every visit slot, for exact comparison.</summary>
    public static List<string> Exactly(IEnumerable<FastBooking.Domain.Visits.VisitSlot> slots) =>
        slots.Select(s => $"{s.Start}/{s.End}: " + string.Join(" + ", s.Items.Select(i => $"{i.ServiceId} {i.Start}/{i.End} {string.Join(",", i.StaffIds)}"))).ToList();
}
