using FastBooking.Api.Tests.Support;
using FastBooking.Domain.Availability;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Staff;
using FastBooking.Domain.Time;
using FastBooking.Infrastructure.ReadModel;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FastBooking.Api.Tests.ReadModel;

/// <summary>The stored form of a staff-day: versioned, so that the newest projection always wins.</summary>
[Collection(ApiCollection.Name)]
public sealed class DayBitmapStoreTests(ApiFactory api) : ApiTest(api)
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly LocalDate Date = new(2026, 12, 1);

    private static StaffDayBitmap FreeBetween(int fromHour, int toHour)
    {
        var day = LocalDay.Of(Date, London);
        var bitmap = StaffDayBitmap.AllBusy(day);
        bitmap.MarkFree(new Interval(day.Start + Duration.FromHours(fromHour), day.Start + Duration.FromHours(toHour)));
        return bitmap;
    }

    private async Task<byte[]?> StoredAsync(BusinessId business, StaffId staff)
    {
        var stored = await Api.Services.GetRequiredService<DayBitmapStore>().FetchAsync(business, London, [staff], [Date]);
        return stored!.TryGetValue((staff, Date), out var bitmap) ? bitmap.ToArray() : null;
    }

    [Fact]
    public async Task An_older_projection_never_overwrites_a_newer_one()
    {
        var store = Api.Services.GetRequiredService<DayBitmapStore>();
        var (business, staff) = (new BusinessId(Guid.NewGuid()), new StaffId(Guid.NewGuid()));
        var newer = FreeBetween(9, 17);

        await store.StoreAsync(business, staff, 5, [newer]);
        await store.StoreAsync(business, staff, 4, [FreeBetween(10, 12)]);

        Assert.Equal(newer.ToArray(), await StoredAsync(business, staff));
    }

    [Fact]
    public async Task A_newer_projection_replaces_an_older_one()
    {
        var store = Api.Services.GetRequiredService<DayBitmapStore>();
        var (business, staff) = (new BusinessId(Guid.NewGuid()), new StaffId(Guid.NewGuid()));
        var newer = FreeBetween(10, 12);

        await store.StoreAsync(business, staff, 4, [FreeBetween(9, 17)]);
        await store.StoreAsync(business, staff, 5, [newer]);

        Assert.Equal(newer.ToArray(), await StoredAsync(business, staff));
    }

    [Fact]
    public async Task A_day_is_stored_as_its_version_then_its_bitmap()
    {
        var store = Api.Services.GetRequiredService<DayBitmapStore>();
        var (business, staff) = (new BusinessId(Guid.NewGuid()), new StaffId(Guid.NewGuid()));
        var bitmap = FreeBetween(9, 17);

        await store.StoreAsync(business, staff, 0x0102, [bitmap]);

        await using var redis = await ReadModelHelpers.ConnectRedisAsync();
        byte[] value = (await redis.GetDatabase().StringGetAsync(RedisKeys.Day(business, staff, Date)))!;
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0, 1, 2 }, value[..8]);
        Assert.Equal(bitmap.ToArray(), value[8..]);
        Assert.True(await redis.GetDatabase().StringGetBitAsync(RedisKeys.Day(business, staff, Date), 64 + 9 * 60)); // 09:00 free
        Assert.False(await redis.GetDatabase().StringGetBitAsync(RedisKeys.Day(business, staff, Date), 64 + 8 * 60)); // 08:00 busy
    }
}
