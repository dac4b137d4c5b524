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

    public static readonly IReadOnlyList<string> All = [Booked, Rescheduled, Cancelled];
}

/// <summary>
/// One committed change of an appointment, at its place in the business's feed: the appointment as it was after the
/// change (its version), what the change was, and when it happened. The id is the same on every delivery of it.
/// </summary>
public sealed record FeedEvent(long Position, BusinessId Business, string Type, Instant OccurredAt, AppointmentAnswer Appointment)
{
    public const int Version = 1;

    public string Id => $"evt_{Appointment.Appointment.Id:N}_{Appointment.Appointment.Version}";
}

/// <summary>The feed in PostgreSQL: events in position order, each position given once no earlier one can still appear.</summary>
public interface IChangeFeed
{
    Task<IReadOnlyList<FeedEvent>> ReadAsync(BusinessId business, long after, int limit, CancellationToken ct);

    /// <summary>The events at these positions (of any business), for delivery.</summary>
    Task<IReadOnlyList<FeedEvent>> AtAsync(IReadOnlyCollection<long> positions, CancellationToken ct);
}

/// <summary>An event as integrators receive it, the same bytes by webhook and in the feed (the API renders it).</summary>
public interface IEventRenderer
{
    string Render(FeedEvent feedEvent);
}
