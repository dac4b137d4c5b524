using FastBooking.Faults.Rig;
using NodaTime;
using NodaTime.Text;

namespace FastBooking.Faults.Api;

/// <summary>
/// One business set up through the API for one scenario: staff working around the clock, one 30-minute service they all
/// perform, in UTC. Each scenario has a salon of its own, so that its bookings, holds and checks are its alone.
/// The days ahead are split: the load books on <see cref="LoadDays"/>, the held-slot probes use <see cref="HeldDay"/>,
/// the recovery probes <see cref="ProbeDay"/>, so none of them takes another's slots.
/// </summary>
public sealed class Salon(EngineClient client, string businessId, string apiKey, IReadOnlyList<string> staff, string serviceId, LocalDate today)
{
    public const int ServiceMinutes = 30;
    public const int SlotMinutes = 15;
    public const int HoldTtlSeconds = 900;
    public const int LoadDays = 10;
    public const int HeldDay = 12;
    public const int ProbeDay = 13;

    /// <summary>Starts per day a 30-minute service fits in: 00:00 … 23:30 every 15 minutes.</summary>
    public const int StartsPerDay = (24 * 60 - ServiceMinutes) / SlotMinutes + 1;

    public string BusinessId { get; } = businessId;
    public IReadOnlyList<string> Staff { get; } = staff;
    public string ServiceId { get; } = serviceId;
    public LocalDate Today { get; } = today;

    /// <summary>The range the consistency check compares: every day any scenario books, holds or probes.</summary>
    public DateInterval CheckedDays => new(Today, Today.PlusDays(ProbeDay + 1));

    public static async Task<Salon> CreateAsync(EngineClient client, FaultRig rig, string name, int staffCount, IClock clock, CancellationToken ct)
    {
        var admin = rig.A;
        var rules = new
        {
            slotIntervalMinutes = SlotMinutes, leadTimeMinutes = 0, bookingWindowDays = 30,
            cancellationCutoffMinutes = 0, rescheduleCutoffMinutes = 0, holdTtlSeconds = HoldTtlSeconds,
        };
        var business = Required(await client.SendAsync(admin, HttpMethod.Post, "/v1/businesses",
            new { name, timeZone = "UTC", rules }, null, ct, rig.AdminKey), 201, "create business");
        var (id, key) = (business.Field("id"), business.Field("apiKey"));
        var days = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }
            .Select(d => new { weekday = d, intervals = new[] { new { start = "00:00", end = "24:00" } } }).ToArray();
        var staff = new List<string>();
        for (var i = 1; i <= staffCount; i++)
        {
            var member = Required(await client.SendAsync(admin, HttpMethod.Post, "/v1/staff", new { name = $"Stylist {i}" }, key, ct), 201, "add staff");
            staff.Add(member.Field("id"));
            Required(await client.SendAsync(admin, HttpMethod.Put, $"/v1/staff/{staff[^1]}/working-hours", new { days }, key, ct), 200, "working hours");
        }
        var service = Required(await client.SendAsync(admin, HttpMethod.Post, "/v1/services", new
        {
            name = "Cut", durationMinutes = ServiceMinutes, bufferBeforeMinutes = 0, bufferAfterMinutes = 0,
            staff = staff.Select(s => new { staffId = s }),
        }, key, ct), 201, "add service");
        return new Salon(client, id, key, staff, service.Field("id"), clock.GetCurrentInstant().InUtc().Date);
    }

    /// <summary>The start of slot <paramref name="index"/> (0 = midnight) on the day <paramref name="daysAhead"/> from today.</summary>
    public Instant Slot(int daysAhead, int index) =>
        Today.PlusDays(daysAhead).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() + Duration.FromMinutes(index * SlotMinutes);

    public Task<Answer> BookAsync(EngineInstance to, string staffId, Instant start, string? holdToken, string customer, CancellationToken ct) =>
        client.SendAsync(to, HttpMethod.Post, "/v1/appointments",
            new { serviceId = ServiceId, staffId, start = Format(start), customer = new { name = customer }, holdToken }, apiKey, ct);

    public Task<Answer> HoldAsync(EngineInstance to, string staffId, Instant start, CancellationToken ct) =>
        client.SendAsync(to, HttpMethod.Post, "/v1/holds", new { serviceId = ServiceId, staffId, start = Format(start) }, apiKey, ct);

    public Task<Answer> ReleaseHoldAsync(EngineInstance to, string token, CancellationToken ct) =>
        client.SendAsync(to, HttpMethod.Delete, $"/v1/holds/{Uri.EscapeDataString(token)}", null, apiKey, ct);

    public Task<Answer> CancelAsync(EngineInstance to, string appointmentId, CancellationToken ct) =>
        client.SendAsync(to, HttpMethod.Post, $"/v1/appointments/{appointmentId}/cancel", new { reason = "fault test" }, apiKey, ct);

    public Task<Answer> AvailabilityAsync(EngineInstance to, string? staffId, LocalDate day, CancellationToken ct) =>
        client.SendAsync(to, HttpMethod.Get,
            $"/v1/availability?serviceId={ServiceId}&staffId={staffId ?? "any"}&from={Format(day)}&to={Format(day)}", null, apiKey, ct);

    public Task<Answer> CheckReadModelAsync(EngineInstance to, CancellationToken ct) =>
        client.SendAsync(to, HttpMethod.Get, $"/v1/read-model/check?from={Format(CheckedDays.Start)}&to={Format(CheckedDays.End)}", null, apiKey, ct);

    public static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static Answer Required(Answer answer, int status, string what) =>
        answer.Status == status ? answer : throw new InvalidOperationException($"setting up the salon: {what} answered {answer.Outcome}: {answer.Body}");
}
