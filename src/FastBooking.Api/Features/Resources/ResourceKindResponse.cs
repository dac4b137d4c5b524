using FastBooking.Application.Resources;

namespace FastBooking.Api.Features.Resources;

/// <summary>A resource kind with its units in number order.</summary>
public sealed record ResourceKindResponse(Guid Id, string Name, IReadOnlyList<ResourceKindResponse.UnitDto> Units)
{
    public sealed record UnitDto(Guid Id, int Number);

    public static ResourceKindResponse Example => new(Guid.Parse("019ad3b2-6c41-7e08-9b5a-000000000b01"), "Basin",
        [new(Guid.Parse("019ad3b2-6c41-7e08-9b5a-000000000b11"), 1), new(Guid.Parse("019ad3b2-6c41-7e08-9b5a-000000000b12"), 2)]);

    public static ResourceKindResponse From(ResourceKind kind) =>
        new(kind.Id, kind.Name, kind.Units.Select(u => new UnitDto(u.Id, u.Number)).ToList());
}
