using NodaTime;

namespace FastBooking.Infrastructure.Persistence.Rows;

/// <summary>Special hours for one local date: parallel arrays of start and end minutes; empty arrays mean closed.</summary>
public sealed class DateOverrideRow
{
    public Guid StaffId { get; set; }
    public LocalDate Date { get; set; }
    public int[] StartMinutes { get; set; } = [];
    public int[] EndMinutes { get; set; } = [];
}
