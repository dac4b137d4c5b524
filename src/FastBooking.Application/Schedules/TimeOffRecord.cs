using NodaTime;

namespace FastBooking.Application.Schedules;

/// <summary>A staff member's one-off absence, as stored.</summary>
public sealed record TimeOffRecord(Guid Id, Guid StaffId, Interval Period, string? Reason);
