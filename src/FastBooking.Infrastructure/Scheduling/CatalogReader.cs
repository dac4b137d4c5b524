using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Resources;
using FastBooking.Domain.Services;
using FastBooking.Domain.Staff;
using Npgsql;
using NodaTime;

namespace FastBooking.Infrastructure.Scheduling;

/// <summary>
/// The hot path's one PostgreSQL round trip: a business, one of its active services with the active staff who perform
/// it and the units of the resource it needs, and whether a named staff member is one of its active staff.
/// </summary>
public sealed class CatalogReader(NpgsqlDataSource dataSource)
{
    private const string Sql = """
        SELECT b.name, b.time_zone, b.slot_interval_minutes, b.lead_time_minutes, b.booking_window_days,
               b.cancellation_cutoff_minutes, b.reschedule_cutoff_minutes, b.hold_ttl_seconds,
               s.id, s.name, s.duration_minutes, s.buffer_before_minutes, s.buffer_after_minutes,
               ss.staff_id, ss.duration_minutes,
               EXISTS (SELECT 1 FROM staff WHERE id = $3 AND business_id = b.id AND active),
               s.phase_minutes, s.phase_staff_busy,
               s.resource_kind_id, s.resource_phase, rk.name,
               (SELECT array_agg(u.id ORDER BY u.number) FROM resource_units u WHERE u.kind_id = s.resource_kind_id)
        FROM businesses b
        LEFT JOIN services s ON s.id = $2 AND s.business_id = b.id AND s.active
        LEFT JOIN resource_kinds rk ON rk.id = s.resource_kind_id
        LEFT JOIN service_staff ss ON ss.service_id = s.id
              AND EXISTS (SELECT 1 FROM staff st WHERE st.id = ss.staff_id AND st.active)
        WHERE b.id = $1
        """;

    /// <param name="connection">An open connection to read on (a transaction's, so one request never holds two);
    /// without one, a pooled connection of its own.</param>
    /// <returns>null when there is no such business.</returns>
    public async Task<CatalogEntry?> ReadAsync(BusinessId business, Guid serviceId, Guid? staffId, CancellationToken ct, NpgsqlConnection? connection = null)
    {
        await using var command = connection is null ? dataSource.CreateCommand(Sql) : new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = business.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = serviceId });
        command.Parameters.Add(new NpgsqlParameter { Value = staffId ?? Guid.Empty });
        await using var reader = await command.ExecuteReaderAsync(ct);
        Business? found = null;
        (ServiceId Id, string Name, int Duration, int Before, int After, IReadOnlyList<ServicePhase> Phases, ResourceNeed? Resource)? service = null;
        var performers = new Dictionary<StaffId, int?>();
        var staffKnown = false;
        while (await reader.ReadAsync(ct))
        {
            found ??= new Business(business, reader.GetString(0), DateTimeZoneProviders.Tzdb[reader.GetString(1)], new BookingRules(
                reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7)));
            staffKnown = reader.GetBoolean(15);
            if (reader.IsDBNull(8)) continue;
            service ??= (new ServiceId(reader.GetGuid(8)), reader.GetString(9), reader.GetInt32(10), reader.GetInt32(11), reader.GetInt32(12),
                RowMapping.PhasesOf(reader.GetFieldValue<int[]>(16), reader.GetFieldValue<bool[]>(17)),
                reader.IsDBNull(18) ? null : new ResourceNeed(reader.GetGuid(18), reader.GetString(20), reader.IsDBNull(19) ? null : reader.GetInt32(19),
                    reader.GetFieldValue<Guid[]>(21).Select(u => new StaffId(u)).ToList()));
            if (!reader.IsDBNull(13))
                performers[new StaffId(reader.GetGuid(13))] = reader.IsDBNull(14) ? null : reader.GetInt32(14);
        }
        if (found is null) return null;
        var result = service is { } v ? new Service(v.Id, v.Name, v.Duration, v.Before, v.After, performers, v.Phases, v.Resource) : null;
        return new CatalogEntry(found, result, staffKnown);
    }
}
