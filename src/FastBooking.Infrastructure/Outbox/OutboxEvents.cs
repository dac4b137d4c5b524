using System.Text.Json;
using FastBooking.Infrastructure.Persistence;
using FastBooking.Infrastructure.Persistence.Rows;
using NodaTime;

namespace FastBooking.Infrastructure.Outbox;

/// <summary>
/// Appends change events to the outbox, in the caller's transaction. Events say what the read model must redo:
/// the staff whose free time changed and, for appointments, the occupied ranges that were taken or freed.
/// Service and staff-list changes only tell other instances to forget their cached catalogs: bitmaps do not depend on them.
/// </summary>
public static class OutboxEvents
{
    public const string AppointmentChanged = "appointment.changed";
    public const string ScheduleChanged = "schedule.changed";
    public const string RulesChanged = "rules.changed";
    public const string CatalogChanged = "catalog.changed";

    public sealed record Range(Instant Start, Instant End);

    public static void AppointmentRangesChanged(FastBookingDb db, Guid businessId, Guid appointmentId, Instant now,
        params (Guid StaffId, Interval Occupied)[] ranges) =>
        Append(db, businessId, AppointmentChanged, now, new
        {
            appointmentId,
            ranges = ranges.Select(r => new { staffId = r.StaffId, start = r.Occupied.Start.ToUnixTimeSeconds(), end = r.Occupied.End.ToUnixTimeSeconds() }),
        });

    public static void StaffScheduleChanged(FastBookingDb db, Guid businessId, Guid staffId, Instant now) =>
        Append(db, businessId, ScheduleChanged, now, new { staffId });

    public static void BusinessRulesChanged(FastBookingDb db, Guid businessId, Instant now) =>
        Append(db, businessId, RulesChanged, now, new { });

    /// <summary>Services or staff were added or changed: only cached catalogs are affected, not bitmaps.</summary>
    public static void BusinessCatalogChanged(FastBookingDb db, Guid businessId, Instant now) =>
        Append(db, businessId, CatalogChanged, now, new { });

    private static void Append(FastBookingDb db, Guid businessId, string type, Instant now, object payload) =>
        db.Outbox.Add(new OutboxRow { BusinessId = businessId, Type = type, Payload = JsonSerializer.Serialize(payload), CreatedAt = now });
}
