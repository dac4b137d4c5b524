using FastBooking.Api.Common;
using FastBooking.Application.ApiKeys.Create;
using NodaTime;

namespace FastBooking.Api.Features.ApiKeys.Create;

/// <summary>The new key, with the key itself: shown this once, stored only hashed.</summary>
public sealed record Response(Guid Id, string Prefix, string CreatedAt, string ApiKey)
{
    public static Response Example =>
        new(ApiKeyResponse.Example.Id, ApiKeyResponse.Example.Prefix, ApiKeyResponse.Example.CreatedAt, "fbk_5f0c9a2e7b14d3c8a6e1f9b02d4c7a5e8f3b1d6c9a0e2f47");

    public static Response From(CreatedApiKey created) =>
        new(created.Key.Id, created.Key.Prefix, ApiFormats.Format(created.Key.CreatedAt, DateTimeZone.Utc), created.Secret.Key);
}
