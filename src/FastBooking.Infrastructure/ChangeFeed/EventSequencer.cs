using Npgsql;

namespace FastBooking.Infrastructure.ChangeFeed;

/// <summary>
/// Gives history rows their feed positions, on the projector leader only (one writer, so positions follow the order
/// they are given in). A row qualifies once its transaction is older than every running one (then nothing committed
/// later can carry an earlier history id) and the appointment's previous version has its position (an appointment's
/// events are in version order even when its transactions' ids are not).
/// </summary>
public sealed class EventSequencer(NpgsqlDataSource db)
{
    private const int Batch = 1000;

    /// <summary>Sequences every row that qualifies now; returns how many.</summary>
    public async Task<int> SequenceAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            await using var command = db.CreateCommand("""
                WITH ready AS (
                    SELECT h.id FROM appointment_history h
                    WHERE h.position IS NULL AND h.xid < pg_snapshot_xmin(pg_current_snapshot())
                      AND (h.version = 1 OR EXISTS (SELECT 1 FROM appointment_history p
                                                    WHERE p.appointment_id = h.appointment_id AND p.version = h.version - 1
                                                      AND p.position IS NOT NULL))
                    ORDER BY h.id LIMIT $1),
                numbered AS (
                    SELECT id, (SELECT coalesce(max(position), 0) FROM appointment_history) + row_number() OVER (ORDER BY id) AS position
                    FROM ready)
                UPDATE appointment_history h SET position = n.position FROM numbered n WHERE h.id = n.id
                """);
            command.Parameters.Add(new() { Value = Batch });
            var sequenced = await command.ExecuteNonQueryAsync(ct);
            total += sequenced;
            if (sequenced == 0) return total;
        }
    }
}
