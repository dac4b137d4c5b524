using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace FastBooking.Infrastructure.Persistence;

/// <summary>Busy ranges as a <c>tstzmultirange</c> parameter: named explicitly, since an array of intervals would
/// otherwise be sent as an array of ranges.</summary>
public static class Multirange
{
    public static NpgsqlParameter Of(IReadOnlyList<Interval> ranges) =>
        new() { Value = ranges.ToArray(), NpgsqlDbType = NpgsqlDbType.TimestampTzMultirange };
}
