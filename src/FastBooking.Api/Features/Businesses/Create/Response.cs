using FastBooking.Api.Features.Businesses.Rules;

namespace FastBooking.Api.Features.Businesses.Create;

/// <summary>The new business, with its API key: shown this once, stored only hashed.</summary>
public sealed record Response(Guid Id, string Name, string TimeZone, RulesDto Rules, string ApiKey);
