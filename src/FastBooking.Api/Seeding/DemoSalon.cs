using FastBooking.Domain.Businesses;
using FastBooking.Infrastructure;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Persistence.Rows;
using FastBooking.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FastBooking.Api.Seeding;

/// <summary>
/// A demo salon to try the API on: 20 staff in Europe/London, Monday–Saturday, a lunch break, some split shifts,
/// and five services. Fixed ids and a fixed API key (FastBooking:DemoApiKey), so example requests work as written.
/// </summary>
public sealed class DemoSalon(FastBookingDb db, IClock clock, IConfiguration configuration)
{
    public static readonly Guid BusinessId = Guid.Parse("00000000-0000-4000-8000-000000000001");
    public const string DefaultApiKey = "demo-salon-key";

    private static readonly (string Name, int Minutes, int Before, int After, decimal Price)[] Services =
    [
        ("Haircut", 30, 0, 5, 25m),
        ("Beard trim", 15, 0, 5, 12m),
        ("Cut and colour", 90, 5, 10, 85m),
        ("Wash and blow-dry", 45, 0, 5, 35m),
        ("Kids cut", 20, 0, 5, 15m),
    ];

    public static Guid StaffId(int n) => Guid.Parse($"00000000-0000-4000-8001-{n:D12}");
    public static Guid ServiceId(int n) => Guid.Parse($"00000000-0000-4000-8002-{n:D12}");

    public async Task EnsureAsync()
    {
        if (await db.Businesses.AnyAsync(b => b.Id == BusinessId)) return;
        var now = clock.GetCurrentInstant();
        var business = new BusinessRow { Id = BusinessId, Name = "Demo Salon", TimeZone = "Europe/London", CreatedAt = now };
        business.SetRules(BookingRules.Default);
        db.Businesses.Add(business);
        db.ApiKeys.Add(new ApiKeyRow
        {
            Id = Guid.NewGuid(), BusinessId = BusinessId, CreatedAt = now,
            KeyHash = ApiKeys.Hash(configuration["FastBooking:DemoApiKey"] ?? DefaultApiKey),
        });
        for (var n = 1; n <= 20; n++)
        {
            db.Staff.Add(new StaffRow { Id = StaffId(n), BusinessId = BusinessId, Name = $"Stylist {n}", Active = true, CreatedAt = now });
            for (var weekday = 1; weekday <= 6; weekday++)
            {
                // Every fourth stylist works a split shift; the rest a straight day with a lunch break.
                if (n % 4 == 0)
                {
                    db.WeeklyRanges.Add(Range(n, WeeklyRangeRow.Working, weekday, 8 * 60, 12 * 60));
                    db.WeeklyRanges.Add(Range(n, WeeklyRangeRow.Working, weekday, 15 * 60, 20 * 60));
                }
                else
                {
                    db.WeeklyRanges.Add(Range(n, WeeklyRangeRow.Working, weekday, 9 * 60, 18 * 60));
                    db.WeeklyRanges.Add(Range(n, WeeklyRangeRow.Break, weekday, 12 * 60 + (n % 2) * 60, 13 * 60 + (n % 2) * 60));
                }
            }
        }
        for (var s = 0; s < Services.Length; s++)
        {
            var (name, minutes, before, after, price) = Services[s];
            db.Services.Add(new ServiceRow
            {
                Id = ServiceId(s + 1), BusinessId = BusinessId, Name = name, DurationMinutes = minutes,
                BufferBeforeMinutes = before, BufferAfterMinutes = after, Price = price, Active = true, CreatedAt = now,
                Staff = Enumerable.Range(1, 20).Select(n => new ServiceStaffRow
                {
                    StaffId = StaffId(n),
                    DurationMinutes = n % 5 == 0 && minutes >= 30 ? minutes + 15 : null, // juniors take longer
                }).ToList(),
            });
        }
        await db.SaveChangesAsync();
    }

    private static WeeklyRangeRow Range(int staff, string kind, int weekday, int start, int end) =>
        new() { StaffId = StaffId(staff), Kind = kind, Weekday = weekday, StartMinute = start, EndMinute = end };
}
