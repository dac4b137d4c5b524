using Npgsql;

namespace FastBooking.LoadTests;

/// <summary>The end of a run: how many pairs of confirmed appointments keep one staff member busy at once (must be 0).</summary>
public static class Overlaps
{
    // Over the whole database, as the fault scenarios' invariant: no load may double-book anyone.
    private const string PairsSql = """
        SELECT count(*) FROM appointments a JOIN appointments b
          ON a.staff_id = b.staff_id AND a.id < b.id AND a.busy && b.busy
        WHERE a.status = 'confirmed' AND b.status = 'confirmed'
        """;

    public static async Task<long> CountAsync(string connectionString, CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(PairsSql);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
