using System.Text.Json;
using FastBooking.Application.Common;
using FastBooking.Domain.Businesses;
using NodaTime;

namespace FastBooking.Infrastructure.Outbox;

/// <summary>
/// The outbox's stored form of <see cref="ChangeEvent"/>s: a type name and a JSON payload, written by the unit of work
/// and read back by the projector. The payload layout is kept stable across versions: rows outlive deployments.
/// </summary>
public static class OutboxCodec
{
    public const string AppointmentChangedType = "appointment.changed";
    public const string ScheduleChangedType = "schedule.changed";
    public const string RulesChangedType = "rules.changed";
    public const string CatalogChangedType = "catalog.changed";
    public const string ApiKeysChangedType = "apikeys.changed";
    public const string ResourceChangedType = "resource.changed";

    private sealed record RangePayload(Guid StaffId, long Start, long End);

    private sealed record AppointmentPayload(Guid AppointmentId, IReadOnlyList<RangePayload> Ranges);

    private sealed record StaffPayload(Guid StaffId);

    private sealed record UnitPayload(Guid UnitId);

    private sealed record EmptyPayload;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static (string Type, string Payload) Encode(ChangeEvent change) => change switch
    {
        AppointmentChanged a => (AppointmentChangedType, Serialize(new AppointmentPayload(a.AppointmentId,
            a.Ranges.Select(r => new RangePayload(r.StaffId, r.Busy.Start.ToUnixTimeSeconds(), r.Busy.End.ToUnixTimeSeconds())).ToList()))),
        ScheduleChanged s => (ScheduleChangedType, Serialize(new StaffPayload(s.StaffId))),
        ResourceChanged r => (ResourceChangedType, Serialize(new UnitPayload(r.UnitId))),
        RulesChanged => (RulesChangedType, Serialize(new EmptyPayload())),
        CatalogChanged => (CatalogChangedType, Serialize(new EmptyPayload())),
        ApiKeysChanged => (ApiKeysChangedType, Serialize(new EmptyPayload())),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "No outbox form for this change."),
    };

    /// <summary>The change a row records; null for a type this version does not know (written by a newer one).</summary>
    public static ChangeEvent? Decode(Guid businessId, string type, string payload)
    {
        var business = new BusinessId(businessId);
        switch (type)
        {
            case AppointmentChangedType:
                var a = Deserialize<AppointmentPayload>(payload);
                return new AppointmentChanged(business, a.AppointmentId, a.Ranges.Select(r => new StaffRange(r.StaffId,
                    new Interval(Instant.FromUnixTimeSeconds(r.Start), Instant.FromUnixTimeSeconds(r.End)))).ToList());
            case ScheduleChangedType:
                return new ScheduleChanged(business, Deserialize<StaffPayload>(payload).StaffId);
            case ResourceChangedType:
                return new ResourceChanged(business, Deserialize<UnitPayload>(payload).UnitId);
            case RulesChangedType:
                return new RulesChanged(business);
            case CatalogChangedType:
                return new CatalogChanged(business);
            case ApiKeysChangedType:
                return new ApiKeysChanged(business);
            default:
                return null;
        }
    }

    /// <summary>What every instance must forget when a notification ("type:business-id") arrives; null when nothing.</summary>
    public static (BusinessId Business, bool Catalog, bool ApiKeys)? StaleAfter(string notification)
    {
        var parts = notification.Split(':', 2);
        if (parts.Length != 2 || !Guid.TryParse(parts[1], out var id) || id == Guid.Empty) return null;
        var catalog = parts[0] is RulesChangedType or CatalogChangedType or ScheduleChangedType;
        var apiKeys = parts[0] is ApiKeysChangedType;
        return catalog || apiKeys ? (new BusinessId(id), catalog, apiKeys) : null;
    }

    private static string Serialize<T>(T payload) => JsonSerializer.Serialize(payload, Json);

    private static T Deserialize<T>(string payload) =>
        JsonSerializer.Deserialize<T>(payload, Json) ?? throw new InvalidOperationException("Empty outbox payload.");
}
