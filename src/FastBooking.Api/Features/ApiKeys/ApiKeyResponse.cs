using FastBooking.Api.Common;
using FastBooking.Application.ApiKeys;
using NodaTime;

namespace FastBooking.Api.Features.ApiKeys;

/// <summary>A key as listed: its id, its first characters and when it was made (UTC), never the key itself.</summary>
public sealed record ApiKeyResponse(Guid Id, string Prefix, string CreatedAt)
{
    public static ApiKeyResponse Example => new(Guid.Parse("019ab7e4-2d10-7c3a-8f51-9e0b4c6d2a17"), "fbk_5f0c", "2026-11-24T12:00:00+00:00");

    public static ApiKeyResponse From(ApiKeyInfo key) => new(key.Id, key.Prefix, ApiFormats.Format(key.CreatedAt, DateTimeZone.Utc));
}
