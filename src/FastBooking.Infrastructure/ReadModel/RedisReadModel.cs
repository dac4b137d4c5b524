using FastBooking.Application.ReadModel;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Staff;
using NodaTime;
using StackExchange.Redis;

namespace FastBooking.Infrastructure.ReadModel;

/// <summary>The Redis read model as the read paths see it: stored bitmaps and live holds in one round trip.</summary>
public sealed class RedisReadModel(RedisGate redis, DayBitmapStore days, ReadinessMonitor readiness) : IReadModel
{
    public bool IsCurrentFor(BusinessId business) => redis.Connected && readiness.Status.IsCurrentFor(business);

    public ReadModelStatus Status => readiness.Status;

    public Task<StoredDays?> ReadAsync(BusinessId business, DateTimeZone zone, IReadOnlyList<StaffId> staff, IReadOnlyList<LocalDate> dates, Instant now) =>
        redis.TryAsync(async db =>
        {
            var batch = db.CreateBatch();
            var bitmaps = DayBitmapStore.Read(batch, business, zone, staff, dates);
            var live = HoldStore.ReadLive(batch, business, staff, now);
            batch.Execute();
            return new StoredDays(await bitmaps, await live);
        });

    public async Task<long?> GenerationAsync(BusinessId business) =>
        await redis.TryAsync(async db => (object)await db.StringGetAsync(RedisKeys.Generation(business))) is RedisValue value && value.TryParse(out long generation)
            ? generation
            : null;

    public Task<Dictionary<(StaffId, LocalDate), StaffDayBitmap>?> BitmapsAsync(
        BusinessId business, DateTimeZone zone, IReadOnlyList<StaffId> staff, IReadOnlyList<LocalDate> dates) =>
        days.FetchAsync(business, zone, staff, dates);
}
