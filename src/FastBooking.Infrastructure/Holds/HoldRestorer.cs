using FastBooking.Domain.Businesses;
using FastBooking.Infrastructure.ReadModel;
using NodaTime;

namespace FastBooking.Infrastructure.Holds;

/// <summary>
/// Puts a business's live holds back into Redis from PostgreSQL, after Redis lost them (a restart without persistence,
/// a flush): the script then arbitrates new holds against them again and the fast read path hides their ranges.
/// Meanwhile PostgreSQL's record already binds bookings and new holds; this gives Redis its share back.
/// </summary>
public sealed class HoldRestorer(HoldRecords records, HoldStore holds, IClock clock)
{
    /// <summary>False when Redis did not take them (the rebuild should be tried again).</summary>
    public async Task<bool> RestoreAsync(BusinessId business, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        return await holds.RestoreAsync(business, await records.LiveOfAsync(business, now, ct), now);
    }
}
