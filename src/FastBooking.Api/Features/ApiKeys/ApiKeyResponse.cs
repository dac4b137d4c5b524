using FastBooking.Api.Common;
using FastBooking.Application.ApiKeys;
using NodaTime;

namespace FastBooking.Api.Features.ApiKeys;

/// <summary>A key as listed: its id, its first characters and when it was made (UTC), never the key itself.</summary>
public sealed record ApiKeyResponse(Guid Id, string Prefix, string CreatedAt)
{
    public static ApiKeyResponse From(ApiKeyInfo key) => new(key.Id, key.Prefix, ApiFormats.Format(key.CreatedAt, DateTimeZone.Utc));
}
