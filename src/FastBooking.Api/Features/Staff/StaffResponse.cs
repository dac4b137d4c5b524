using FastBooking.Application.Catalog;

namespace FastBooking.Api.Features.Staff;

public sealed record StaffResponse(Guid Id, string Name)
{
    public static StaffResponse Example => new(Guid.Parse("00000000-0000-4000-8001-000000000003"), "Stylist 3");

    public static StaffResponse From(StaffMember s) => new(s.Id, s.Name);
}
