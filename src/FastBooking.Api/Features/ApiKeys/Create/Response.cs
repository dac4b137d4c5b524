using FastBooking.Api.Common;
using FastBooking.Application.ApiKeys.Create;
using NodaTime;

namespace FastBooking.Api.Features.ApiKeys.Create;

/// <summary>The new key, with the key itself: shown this once, stored only hashed.</summary>
public sealed record Response(Guid Id, string Prefix, string CreatedAt, string ApiKey)
{
    public static Response From(CreatedApiKey created) =>
        new(created.Key.Id, created.Key.Prefix, ApiFormats.Format(created.Key.CreatedAt, DateTimeZone.Utc), created.Secret.Key);
}
