using NodaTime;

namespace FastBooking.Infrastructure.Persistence.Rows;

public sealed class TimeOffRow
{
    public Guid Id { get; set; }
    public Guid StaffId { get; set; }
    public Interval Period { get; set; }
    public string? Reason { get; set; }
}
