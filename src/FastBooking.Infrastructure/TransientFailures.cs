using Npgsql;
using StackExchange.Redis;

namespace FastBooking.Infrastructure;

/// <summary>
/// Failures that say "not now" rather than "never": the database or Redis unreachable, restarting, out of connections
/// or slots, or a transaction that lost a race it may win on retry. Nothing was written; the caller may retry.
/// </summary>
public static class TransientFailures
{
    public static bool IsTransient(Exception? failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException p:
                    return IsTransientState(p.SqlState);
                // Not a statement PostgreSQL refused: connection refused or lost, pool exhausted, command timeout.
                case NpgsqlException:
                case RedisConnectionException:
                case TimeoutException:
                    return true;
            }
        }
        return false;
    }

    // 08: connection exceptions; 53: insufficient resources (too many connections, out of memory or disk);
    // 57P01-03: admin shutdown, crash shutdown, cannot connect now; 40001/40P01: serialization failure, deadlock.
    private static bool IsTransientState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal)
        || state is "57P01" or "57P02" or "57P03" or "40001" or "40P01";
}
