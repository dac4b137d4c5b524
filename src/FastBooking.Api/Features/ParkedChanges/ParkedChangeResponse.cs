using FastBooking.Application.ReadModel.Parked;
using FastBooking.Api.Common;
using NodaTime;

namespace FastBooking.Api.Features.ParkedChanges;

/// <summary>An outbox row the projector parked: what it was, why it failed, how often; when, in UTC (it may belong to no zone).</summary>
public sealed record ParkedChangeResponse(long OutboxId, Guid BusinessId, string Type, string Error, int Attempts, string ParkedAt)
{
    public static ParkedChangeResponse Example => new(41820, Guid.Parse("00000000-0000-4000-8000-000000000001"), "schedule.changed",
        "Time zone Mars/Olympus is unknown to the source TZDB: 2025b", 3, "2026-11-24T12:00:00+00:00");

    public static ParkedChangeResponse From(ParkedChange p) => new(p.OutboxId, p.Business.Value, p.Type, p.Error, p.Attempts,
        ApiFormats.Format(p.ParkedAt, DateTimeZone.Utc));
}
