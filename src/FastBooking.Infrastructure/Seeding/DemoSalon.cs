using FastBooking.Application.ApiKeys;
using FastBooking.Application.Catalog;
using FastBooking.Application.Common;
using FastBooking.Application.Schedules;
using FastBooking.Domain.Businesses;
using FastBooking.Domain.Schedules;
using FastBooking.Domain.Services;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FastBooking.Infrastructure.Seeding;

/// <summary>
/// A demo salon to try the API on: 20 staff in Europe/London, Monday–Saturday, a lunch break, some split shifts,
/// and six services, one of them a colour with processing time. Fixed ids and a fixed API key (<see cref="StartupOptions.DemoApiKey"/>), so example requests work as written.
/// Written through the stores, not the use cases (those choose their own ids and key), so it records no outbox events.
/// </summary>
public sealed class DemoSalon(
    ISchedulingReader reader, ICatalogStore catalog, IApiKeyStore keys, IScheduleStore schedules, IUnitOfWork unitOfWork, IClock clock,
    IOptions<StartupOptions> options)
{
    public static readonly Guid BusinessId = Guid.Parse("00000000-0000-4000-8000-000000000001");

    private static readonly (string Name, int Minutes, int Before, int After, decimal Price, ServicePhase[] Phases)[] Services =
    [
        ("Haircut", 30, 0, 5, 25m, []),
        ("Beard trim", 15, 0, 5, 12m, []),
        ("Cut and colour", 90, 5, 10, 85m, []),
        ("Wash and blow-dry", 45, 0, 5, 35m, []),
        ("Kids cut", 20, 0, 5, 15m, []),
        // Application, then 35 minutes of processing in which the stylist may take another client, then the rinse.
        ("Colour", 65, 0, 5, 60m, [new ServicePhase(20, true), new ServicePhase(35, false), new ServicePhase(10, true)]),
    ];

    public static Guid StaffId(int n) => Guid.Parse($"00000000-0000-4000-8001-{n:D12}");
    public static Guid ServiceId(int n) => Guid.Parse($"00000000-0000-4000-8002-{n:D12}");

    public async Task EnsureAsync()
    {
        var business = new BusinessId(BusinessId);
        var ct = CancellationToken.None;
        if (await reader.BusinessAsync(business, ct) is not null) return;
        var now = clock.GetCurrentInstant();
        catalog.AddBusiness(new Business(business, "Demo Salon", DateTimeZoneProviders.Tzdb["Europe/London"], BookingRules.Default), now);
        var key = new ApiKeySecret(options.Value.DemoApiKey);
        keys.Add(business, new ApiKeyInfo(Guid.CreateVersion7(now.ToDateTimeOffset()), key.Prefix, now), key.Hash);
        for (var n = 1; n <= 20; n++)
        {
            catalog.AddStaff(business, new StaffMember(StaffId(n), $"Stylist {n}"), now);
            // Every fourth stylist works a split shift; the rest a straight day with a lunch break.
            LocalTimeRange[] hours = n % 4 == 0
                ? [LocalTimeRange.Of(8, 0, 12, 0), LocalTimeRange.Of(15, 0, 20, 0)]
                : [LocalTimeRange.Of(9, 0, 18, 0)];
            LocalTimeRange[] breaks = n % 4 == 0 ? [] : [LocalTimeRange.Of(12 + n % 2, 0, 13 + n % 2, 0)];
            await schedules.ReplaceWeeklyRangesAsync(StaffId(n), WeeklyRangeKind.WorkingHours, MondayToSaturday(hours), ct);
            await schedules.ReplaceWeeklyRangesAsync(StaffId(n), WeeklyRangeKind.Breaks, MondayToSaturday(breaks), ct);
        }
        for (var s = 0; s < Services.Length; s++)
        {
            var (name, minutes, before, after, price, phases) = Services[s];
            var staff = Enumerable.Range(1, 20)
                .Select(n => new Performer(StaffId(n), n % 5 == 0 && minutes >= 30 && phases.Length == 0 ? minutes + 15 : null)) // juniors take longer
                .ToList();
            catalog.AddService(business, new ServiceRecord(ServiceId(s + 1), new ServiceDefinition(name, minutes, before, after, price, staff, phases)), now);
        }
        await unitOfWork.SaveAsync(ct);
    }

    private static List<DayRanges> MondayToSaturday(LocalTimeRange[] ranges) =>
        Enumerable.Range(1, 6).Select(d => new DayRanges((IsoDayOfWeek)d, ranges)).ToList();
}
