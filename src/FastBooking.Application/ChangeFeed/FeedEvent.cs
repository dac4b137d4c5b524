using FastBooking.Application.Appointments;
using FastBooking.Domain.Businesses;
using NodaTime;

namespace FastBooking.Application.ChangeFeed;

/// <summary>The kinds of event the change feed and webhooks carry, as integrators name them.</summary>
public static class EventTypes
{
    public const string Booked = "appointment.booked";
    public const string Rescheduled = "appointment.rescheduled";
    public const string Cancelled = "appointment.cancelled";
    /// <summary>A staff member's hours, breaks, time off, date overrides or active flag changed.</summary>
    public const string ScheduleChanged = "schedule.changed";
    /// <summary>Staff or services were added or changed.</summary>
    public const string CatalogChanged = "catalog.changed";
    public const string RulesChanged = "rules.changed";

    public static readonly IReadOnlyList<string> All = [Booked, Rescheduled, Cancelled, ScheduleChanged, CatalogChanged, RulesChanged];
}

/// <summary>
/// One committed change at its place in the business's feed: what it was and when, with the appointment as it was
/// after the change (its version) for appointment events, the staff member for schedule changes. The id is the same
/// on every delivery of it.
/// </summary>
public sealed record FeedEvent(long Position, BusinessId Business, string Id, string Type, Instant OccurredAt, DateTimeZone Zone,
    AppointmentAnswer? Appointment = null, Guid? StaffId = null)
{
    public const int ApiVersion = 1;
}

/// <summary>The feed in PostgreSQL: events in position order, each position given once no earlier one can still appear.</summary>
public interface IChangeFeed
{
    /// <summary>Up to <paramref name="limit"/> of the business's events after a position, and the feed's head in the same read.</summary>
    Task<FeedRead> ReadAsync(BusinessId business, long after, int limit, CancellationToken ct);

    /// <summary>The events at these positions (of any business), for delivery.</summary>
    Task<IReadOnlyList<FeedEvent>> AtAsync(IReadOnlyCollection<long> positions, CancellationToken ct);
}

/// <summary>
/// A business's events after a position, and the highest position of the whole feed when they were read: no event of
/// the business at or below it is missing from <see cref="Events"/> unless the read was cut off by its limit.
/// </summary>
public sealed record FeedRead(IReadOnlyList<FeedEvent> Events, long Head);

/// <summary>An event as integrators receive it, the same bytes by webhook and in the feed (the API renders it).</summary>
public interface IEventRenderer
{
    string Render(FeedEvent feedEvent);
}
