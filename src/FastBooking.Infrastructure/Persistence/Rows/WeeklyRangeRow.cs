namespace FastBooking.Infrastructure.Persistence.Rows;

/// <summary>
/// One recurring weekly range of a staff member: working hours or a break (<see cref="Kind"/>).
/// Minutes since local midnight, end exclusive, 1440 meaning 24:00.
/// </summary>
public sealed class WeeklyRangeRow
{
    public const string Working = "working";
    public const string Break = "break";

    public long Id { get; set; }
    public Guid StaffId { get; set; }
    public required string Kind { get; set; }
    public int Weekday { get; set; }
    public int StartMinute { get; set; }
    public int EndMinute { get; set; }
}
