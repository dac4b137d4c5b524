using FastBooking.Api.Features.Rules;
using FastBooking.Application.Catalog.Businesses.Create;

namespace FastBooking.Api.Features.Businesses.Create;

/// <summary>The new business, with its API key: shown this once, stored only hashed.</summary>
public sealed record Response(Guid Id, string Name, string TimeZone, RulesDto Rules, string ApiKey)
{
    public static Response Example => new(Guid.Parse("019ab7e4-1f2a-7b6c-9d3e-5a8f0c2b4e61"), Request.Example.Name!, Request.Example.TimeZone!, RulesDto.Example,
        "fbk_9d4a1c7e3b0f6a28d5e2c9b14f7a0d3e6c8b1a5f2e9d0c47");

    public static Response From(CreatedBusiness created) => new(created.Business.Id.Value, created.Business.Name, created.Business.Zone.Id,
        RulesDto.From(created.Business.Rules), created.ApiKey);
}
