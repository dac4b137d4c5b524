using FastBooking.Application.Availability;

namespace FastBooking.Api.Features.Availability;

/// <summary>What the availability queries share: how a staff choice and a read path are written.</summary>
public static class AvailabilityQuery
{
    /// <summary>No staff id, or "any", means every qualified staff member.</summary>
    public static bool TryStaff(string? text, out Guid? staffId)
    {
        staffId = null;
        if (string.IsNullOrEmpty(text) || text == "any") return true;
        if (!Guid.TryParse(text, out var id)) return false;
        staffId = id;
        return true;
    }

    public static ReadPath PathOf(string? source) => source switch
    {
        "redis" => ReadPath.Redis,
        "postgres" => ReadPath.Postgres,
        _ => ReadPath.Auto,
    };
}
