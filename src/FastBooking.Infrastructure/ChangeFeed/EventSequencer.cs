using Npgsql;

namespace FastBooking.Infrastructure.ChangeFeed;

/// <summary>
/// Gives committed history rows (and the outbox rows of setup changes) their feed positions, on the projector leader
/// only: one writer, each batch numbered above the highest position so far and committed at once, so a reader who
/// has seen a position never later finds a lower one (a change that commits late just comes later in the feed). An
/// appointment's version waits for its previous version's position, so its events are in version order. Two leaders
/// for a moment cannot renumber what a reader has seen: a pass holds a transaction advisory lock, so passes run one
/// after another (each statement's snapshot sees the last pass's positions), and a row that already has a position
/// is never updated.
/// </summary>
public sealed class EventSequencer(NpgsqlDataSource db)
{
    private const int Batch = 1000;

    // Any fixed 64-bit number, shared by every instance of one database ("FBfeed" in ASCII).
    private const long LockKey = 0x4642_6665_6564;

    /// <summary>Sequences every row that qualifies now, both sources merged in the order their changes were made; returns how many.</summary>
    public async Task<int> SequenceAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using (var lockPass = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({LockKey})", connection, transaction))
                await lockPass.ExecuteNonQueryAsync(ct);
            await using var command = new NpgsqlCommand("""
                WITH ready AS (
                    SELECT 'h' AS source, h.id, h.at FROM appointment_history h
                    WHERE h.position IS NULL
                      AND (h.version = 1 OR EXISTS (SELECT 1 FROM appointment_history p
                                                    WHERE p.appointment_id = h.appointment_id AND p.version = h.version - 1
                                                      AND p.position IS NOT NULL))
                    UNION ALL
                    SELECT 'o', o.id, o.created_at FROM outbox o
                    WHERE o.position IS NULL AND o.type IN ('schedule.changed', 'catalog.changed', 'rules.changed')
                    ORDER BY at, source, id LIMIT $1),
                numbered AS (SELECT source, id, change_feed_head() + row_number() OVER (ORDER BY at, source, id) AS position FROM ready),
                history AS (UPDATE appointment_history h SET position = n.position FROM numbered n
                            WHERE n.source = 'h' AND h.id = n.id AND h.position IS NULL RETURNING 1),
                setup AS (UPDATE outbox o SET position = n.position FROM numbered n
                          WHERE n.source = 'o' AND o.id = n.id AND o.position IS NULL RETURNING 1)
                SELECT (SELECT count(*) FROM history) + (SELECT count(*) FROM setup)
                """, connection, transaction);
            command.Parameters.Add(new() { Value = Batch });
            var sequenced = (int)(long)(await command.ExecuteScalarAsync(ct))!;
            await transaction.CommitAsync(ct);
            total += sequenced;
            if (sequenced == 0) return total;
        }
    }
}
