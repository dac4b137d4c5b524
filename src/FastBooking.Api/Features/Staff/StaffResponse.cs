using FastBooking.Application.Catalog;

namespace FastBooking.Api.Features.Staff;

public sealed record StaffResponse(Guid Id, string Name)
{
    public static StaffResponse From(StaffMember s) => new(s.Id, s.Name);
}
