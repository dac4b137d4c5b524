using FastBooking.Api.Features.Rules;
using FastBooking.Application.Catalog.Businesses.Create;

namespace FastBooking.Api.Features.Businesses.Create;

/// <summary>The new business, with its API key: shown this once, stored only hashed.</summary>
public sealed record Response(Guid Id, string Name, string TimeZone, RulesDto Rules, string ApiKey)
{
    public static Response From(CreatedBusiness created) => new(created.Business.Id.Value, created.Business.Name, created.Business.Zone.Id,
        RulesDto.From(created.Business.Rules), created.ApiKey);
}
