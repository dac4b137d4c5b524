using FastBooking.Application.Appointments;
using FastBooking.Application.ChangeFeed;
using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;
using FastBooking.Infrastructure.Outbox;
using NodaTime;
using Npgsql;

namespace FastBooking.Infrastructure.ChangeFeed;

/// <summary>
/// The feed over the <c>change_feed</c> view: appointment history rows and setup changes from the outbox, once
/// <see cref="EventSequencer"/> has given them positions. An appointment is shown as it was at that version; what no
/// change alters (service, customer, notes) comes from it now.
/// </summary>
public sealed class ChangeFeedStore(NpgsqlDataSource db) : IChangeFeed
{
    private const string Select = """
        SELECT f.position, f.business_id, f.event_id, f.type, f.occurred_at, b.time_zone,
               h.appointment_id, h.version, h.staff_id, h.status, h.start_at, h.end_at,
               a.service_id, a.customer_name, a.customer_phone, a.customer_email, a.notes, a.cancel_reason, a.created_at, o.payload::text, h.busy,
               h.resource_unit_id, h.resource_range, a.visit_id
        FROM change_feed f
        JOIN businesses b ON b.id = f.business_id
        LEFT JOIN appointment_history h ON h.id = f.history_id
        LEFT JOIN appointments a ON a.id = h.appointment_id
        LEFT JOIN outbox o ON o.id = f.outbox_id
        """;

    public async Task<FeedRead> ReadAsync(BusinessId business, long after, int limit, CancellationToken ct)
    {
        // The head is read in the page's own snapshot: every event of the business up to it is in the page (or after the
        // page's end when it is full), so a reader may move its cursor there and skip the other businesses' events.
        await using var command = db.CreateCommand($"""
            SELECT page.*, head.position FROM (SELECT change_feed_head() AS position) head
            LEFT JOIN LATERAL ({Select} WHERE f.position > $1 AND f.business_id = $2 ORDER BY f.position LIMIT $3) page ON true
            """);
        command.Parameters.Add(new() { Value = after });
        command.Parameters.Add(new() { Value = business.Value });
        command.Parameters.Add(new() { Value = limit });
        var events = new List<FeedEvent>();
        var head = after;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            head = reader.GetInt64(reader.FieldCount - 1);
            if (!reader.IsDBNull(0)) events.Add(Event(reader));
        }
        return new FeedRead(events, head);
    }

    public async Task<IReadOnlyList<FeedEvent>> AtAsync(IReadOnlyCollection<long> positions, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"{Select} WHERE f.position = ANY ($1) ORDER BY f.position");
        command.Parameters.Add(new() { Value = positions.ToArray() });
        var events = new List<FeedEvent>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) events.Add(Event(reader));
        return events;
    }

    private static FeedEvent Event(NpgsqlDataReader reader)
    {
        var business = new BusinessId(reader.GetGuid(1));
        var (type, zone) = (reader.GetString(3), DateTimeZoneProviders.Tzdb[reader.GetString(5)]);
        var feedEvent = new FeedEvent(reader.GetInt64(0), business, reader.GetString(2), type, reader.GetFieldValue<Instant>(4), zone);
        if (!reader.IsDBNull(6)) return feedEvent with { Appointment = new AppointmentAnswer(Appointment(reader, business), zone) };
        if (type == EventTypes.ScheduleChanged && OutboxCodec.Decode(business.Value, type, reader.GetString(19)) is ScheduleChanged schedule)
            return feedEvent with { StaffId = schedule.StaffId };
        return feedEvent;
    }

    private static AppointmentRecord Appointment(NpgsqlDataReader r, BusinessId business)
    {
        var booked = new Interval(r.GetFieldValue<Instant>(10), r.GetFieldValue<Instant>(11));
        var cancelled = r.GetString(9) == "cancelled";
        return new AppointmentRecord(
            r.GetGuid(6), business, r.GetGuid(8), r.GetGuid(12), cancelled ? AppointmentStatus.Cancelled : AppointmentStatus.Confirmed,
            // The buffered range is not shown (the booked one stands in for it); the busy ranges are the version's own.
            booked, booked, r.GetFieldValue<Interval[]>(20),
            new Customer(r.GetString(13), r.IsDBNull(14) ? null : r.GetString(14), r.IsDBNull(15) ? null : r.GetString(15)),
            r.IsDBNull(16) ? null : r.GetString(16), cancelled && !r.IsDBNull(17) ? r.GetString(17) : null,
            r.GetInt32(7), r.GetFieldValue<Instant>(18), r.GetFieldValue<Instant>(4),
            r.IsDBNull(21) ? null : r.GetGuid(21), r.IsDBNull(22) ? null : r.GetFieldValue<Interval>(22), r.IsDBNull(23) ? null : r.GetGuid(23));
    }
}
