using FastBooking.Application.Appointments;
using FastBooking.Application.ChangeFeed;
using FastBooking.Domain.Businesses;
using NodaTime;
using Npgsql;

namespace FastBooking.Infrastructure.ChangeFeed;

/// <summary>
/// The feed over <c>appointment_history</c>: a row is an event once <see cref="EventSequencer"/> has given it a position.
/// The appointment is shown as it was at that version; what no change alters (service, customer, notes) comes from it now.
/// </summary>
public sealed class ChangeFeedStore(NpgsqlDataSource db) : IChangeFeed
{
    private const string Select = """
        SELECT h.position, a.business_id, h.event, h.at, h.appointment_id, h.version, h.staff_id, h.status, h.start_at, h.end_at,
               a.service_id, a.customer_name, a.customer_phone, a.customer_email, a.notes, a.cancel_reason, a.created_at, b.time_zone
        FROM appointment_history h
        JOIN appointments a ON a.id = h.appointment_id
        JOIN businesses b ON b.id = a.business_id
        """;

    public async Task<IReadOnlyList<FeedEvent>> ReadAsync(BusinessId business, long after, int limit, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"{Select} WHERE h.position > $1 AND a.business_id = $2 ORDER BY h.position LIMIT $3");
        command.Parameters.Add(new() { Value = after });
        command.Parameters.Add(new() { Value = business.Value });
        command.Parameters.Add(new() { Value = limit });
        return await ReadAllAsync(command, ct);
    }

    public async Task<IReadOnlyList<FeedEvent>> AtAsync(IReadOnlyCollection<long> positions, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"{Select} WHERE h.position = ANY ($1) ORDER BY h.position");
        command.Parameters.Add(new() { Value = positions.ToArray() });
        return await ReadAllAsync(command, ct);
    }

    private static async Task<IReadOnlyList<FeedEvent>> ReadAllAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var events = new List<FeedEvent>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var booked = new Interval(reader.GetFieldValue<Instant>(8), reader.GetFieldValue<Instant>(9));
            var cancelled = reader.GetString(7) == "cancelled";
            var appointment = new AppointmentRecord(
                reader.GetGuid(4), new BusinessId(reader.GetGuid(1)), reader.GetGuid(6), reader.GetGuid(10),
                cancelled ? AppointmentStatus.Cancelled : AppointmentStatus.Confirmed,
                // The buffered range is not shown; the booked one stands in for it.
                booked, booked,
                new Customer(reader.GetString(11), reader.IsDBNull(12) ? null : reader.GetString(12), reader.IsDBNull(13) ? null : reader.GetString(13)),
                reader.IsDBNull(14) ? null : reader.GetString(14), cancelled && !reader.IsDBNull(15) ? reader.GetString(15) : null,
                reader.GetInt32(5), reader.GetFieldValue<Instant>(16), reader.GetFieldValue<Instant>(3));
            events.Add(new FeedEvent(reader.GetInt64(0), appointment.Business, "appointment." + reader.GetString(2), reader.GetFieldValue<Instant>(3),
                new AppointmentAnswer(appointment, DateTimeZoneProviders.Tzdb[reader.GetString(17)])));
        }
        return events;
    }
}
